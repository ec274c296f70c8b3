using System;
using System.Diagnostics;
using System.Reflection;
using nanoFramework.TestFramework;

namespace Greenhouse.NanoClr
{
    /// <summary>
    /// Runs the shared tests (tests/NFUnitTest) on the nanoCLR with nanoFramework.TestFramework's semantics: per
    /// [TestClass], [Setup] once, every [TestMethod] (and [DataRow]) invoked without an instance, [Cleanup] once.
    /// The nanoCLR host exits 0 even after an unhandled exception, so the runner prints its own protocol, one
    /// line each, and the host side judges the run by the lines alone:
    ///   RUN &lt;test&gt;            before a test (names the test an interpreter crash happened in)
    ///   PASS &lt;test&gt; &lt;ms&gt;      FAIL &lt;test&gt;: &lt;message&gt;      SKIP &lt;test&gt;: &lt;message&gt;
    ///   SUMMARY total=&lt;n&gt; passed=&lt;n&gt; failed=&lt;n&gt; skipped=&lt;n&gt;   last, only when every test has run
    /// </summary>
    public static class TestRunner
    {
        private static int _passed;
        private static int _failed;
        private static int _skipped;

        public static void Main()
        {
            Debug.WriteLine("RUNNER start");
            Type[] types = Assembly.GetExecutingAssembly().GetTypes();
            for (int i = 0; i < types.Length; i++)
            {
                if (types[i].IsClass && Has(types[i].GetCustomAttributes(true), typeof(TestClassAttribute)))
                {
                    RunClass(types[i]);
                }
            }

            Debug.WriteLine("SUMMARY total=" + (_passed + _failed + _skipped).ToString() + " passed=" + _passed.ToString()
                + " failed=" + _failed.ToString() + " skipped=" + _skipped.ToString());
        }

        private static void RunClass(Type type)
        {
            MethodInfo[] methods = type.GetMethods();
            if (!RunAll(type, methods, typeof(SetupAttribute), true))
            {
                return;
            }

            RunAll(type, methods, typeof(TestMethodAttribute), false);
            RunAll(type, methods, typeof(DataRowAttribute), false);
            RunAll(type, methods, typeof(CleanupAttribute), false);
        }

        /// <summary>Runs every method carrying the attribute; false when a [Setup] failed or skipped (the class's tests are then not run).</summary>
        private static bool RunAll(Type type, MethodInfo[] methods, Type attribute, bool setup)
        {
            for (int m = 0; m < methods.Length; m++)
            {
                object[] attributes = methods[m].GetCustomAttributes(true);
                for (int a = 0; a < attributes.Length; a++)
                {
                    if (attributes[a].GetType() != attribute)
                    {
                        continue;
                    }

                    DataRowAttribute row = attributes[a] as DataRowAttribute;
                    if (!RunOne(type.FullName + "." + methods[m].Name, methods[m], row == null ? null : row.MethodParameters) && setup)
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        private static bool RunOne(string name, MethodInfo method, object[] parameters)
        {
            Debug.WriteLine("RUN " + name);
            long start = DateTime.UtcNow.Ticks;
            try
            {
                method.Invoke(null, parameters);
            }
            catch (Exception thrown)
            {
                Exception ex = Unwrap(thrown);
                if (ex is SkipTestException)
                {
                    _skipped++;
                    Debug.WriteLine("SKIP " + name + ": " + OneLine(ex.Message));
                }
                else
                {
                    _failed++;
                    Debug.WriteLine("FAIL " + name + ": " + (ex is TestFrameworkShared.AssertFailedException ? "" : ex.GetType().FullName + ": ") + OneLine(ex.Message));
                }

                return false;
            }

            _passed++;
            Debug.WriteLine("PASS " + name + " " + ((DateTime.UtcNow.Ticks - start) / TimeSpan.TicksPerMillisecond).ToString());
            return true;
        }

        private static Exception Unwrap(Exception ex)
        {
            // Reflection may wrap what the test threw; report the test's own exception.
            while (ex.InnerException != null && ex.GetType().FullName == "System.Reflection.TargetInvocationException")
            {
                ex = ex.InnerException;
            }

            return ex;
        }

        private static string OneLine(string text)
        {
            if (text == null)
            {
                return "(no message)";
            }

            char[] chars = text.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                if (chars[i] == '\r' || chars[i] == '\n')
                {
                    chars[i] = ' ';
                }
            }

            return new string(chars);
        }

        private static bool Has(object[] attributes, Type wanted)
        {
            for (int i = 0; i < attributes.Length; i++)
            {
                if (attributes[i].GetType() == wanted)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
