// The attributes and exceptions of nanoFramework.TestFramework 3.x (the API the shared tests compile against),
// written here because the package cannot be restored on the build machines and its launcher needs the Visual
// Studio adapter. Same names and namespaces as the package, so tests/NFUnitTest compiles unchanged.
using System;

namespace nanoFramework.TestFramework
{
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
    public class TestClassAttribute : Attribute
    {
        public virtual TestMethodAttribute GetTestMethodAttribute(TestMethodAttribute testMethodAttribute)
        {
            return testMethodAttribute;
        }
    }

    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class TestMethodAttribute : Attribute
    {
    }

    /// <summary>Runs once per test class, before its tests (nanoFramework semantics, not MSTest's per-test TestInitialize).</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class SetupAttribute : Attribute
    {
    }

    /// <summary>Runs once per test class, after its tests.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class CleanupAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    public class DataRowAttribute : Attribute
    {
        private readonly object[] _parameters;

        public DataRowAttribute(params object[] methodParameters)
        {
            _parameters = methodParameters;
        }

        public object[] MethodParameters
        {
            get { return _parameters; }
        }
    }

    public class SkipTestException : Exception
    {
        public SkipTestException(string message = null, Exception innerException = null)
            : base(message, innerException)
        {
        }
    }
}

namespace TestFrameworkShared
{
    public class AssertFailedException : Exception
    {
        public AssertFailedException(string msg, Exception ex) : base(msg, ex)
        {
        }

        public AssertFailedException(string msg) : base(msg)
        {
        }

        public AssertFailedException()
        {
        }
    }
}
