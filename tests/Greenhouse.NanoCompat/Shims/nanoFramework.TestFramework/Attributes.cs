// Compile-only shim, not deployed. Declares only members that exist upstream.
// Package: nanoFramework.TestFramework 3.0.80
// Upstream: nanoframework/nanoFramework.TestFramework@d4fa55eb58a9ef2f4635e87da79d42e6c49b04b4 source/TestFrameworkShared/TestClassAttribute.cs
// Upstream: nanoframework/nanoFramework.TestFramework@d4fa55eb58a9ef2f4635e87da79d42e6c49b04b4 source/TestFrameworkShared/TestMethodAttribute.cs
// Upstream: nanoframework/nanoFramework.TestFramework@d4fa55eb58a9ef2f4635e87da79d42e6c49b04b4 source/TestFrameworkShared/SetupAttribute.cs
// Upstream: nanoframework/nanoFramework.TestFramework@d4fa55eb58a9ef2f4635e87da79d42e6c49b04b4 source/TestFrameworkShared/CleanupAttribute.cs
// Upstream: nanoframework/nanoFramework.TestFramework@d4fa55eb58a9ef2f4635e87da79d42e6c49b04b4 source/TestFrameworkShared/DataRowAttribute.cs
// Upstream: nanoframework/nanoFramework.TestFramework@d4fa55eb58a9ef2f4635e87da79d42e6c49b04b4 source/TestFrameworkShared/SkipTestException.cs
// Upstream: nanoframework/nanoFramework.TestFramework@d4fa55eb58a9ef2f4635e87da79d42e6c49b04b4 source/TestFrameworkShared/AssertFailedException.cs
// UNVERIFIED version match: read at v3.0.77+1 commit (the snapshot's newest); 3.0.80 is the pinned package.
// Setup/Cleanup run once per class (not MSTest's TestInitialize/TestCleanup). AssertFailedException is in
// namespace TestFrameworkShared.
using System;

namespace nanoFramework.TestFramework
{
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
    public class TestClassAttribute : Attribute
    {
        public virtual TestMethodAttribute GetTestMethodAttribute(TestMethodAttribute testMethodAttribute) { throw null; }
    }

    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class TestMethodAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class SetupAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class CleanupAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    public class DataRowAttribute : Attribute
    {
        public object[] MethodParameters { get { throw null; } }
        public DataRowAttribute(params object[] methodParameters) { throw null; }
    }

    public class SkipTestException : Exception
    {
        public SkipTestException(string message = null, Exception innerException = null) { throw null; }
    }
}

namespace TestFrameworkShared
{
    public class AssertFailedException : Exception
    {
        public AssertFailedException(string msg, Exception ex) { throw null; }
        public AssertFailedException(string msg) { throw null; }
        public AssertFailedException() { throw null; }
    }
}
