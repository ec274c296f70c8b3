// Assertions with nanoFramework.TestFramework 3.x's API (see Attributes.cs for why they are written here).
// Exact comparisons only, as on the device: doubles compare with Equals (NaN equals NaN), strings ordinally.
using System;
using System.Collections;
using System.Runtime.CompilerServices;
using TestFrameworkShared;

namespace nanoFramework.TestFramework
{
    public sealed class Assert
    {
        public static void AreEqual(bool expected, bool actual, [CallerArgumentExpression("actual")] string message = "") { if (expected != actual) { FailEqual(expected, actual, message); } }
        public static void AreEqual(byte expected, byte actual, [CallerArgumentExpression("actual")] string message = "") { if (expected != actual) { FailEqual(expected, actual, message); } }
        public static void AreEqual(char expected, char actual, [CallerArgumentExpression("actual")] string message = "") { if (expected != actual) { FailEqual(expected, actual, message); } }
        public static void AreEqual(DateTime expected, DateTime actual, [CallerArgumentExpression("actual")] string message = "") { if (expected.Ticks != actual.Ticks) { FailEqual(expected, actual, message); } }
        public static void AreEqual(double expected, double actual, [CallerArgumentExpression("actual")] string message = "") { if (!expected.Equals(actual)) { FailEqual(expected, actual, message); } }
        public static void AreEqual(float expected, float actual, [CallerArgumentExpression("actual")] string message = "") { if (!expected.Equals(actual)) { FailEqual(expected, actual, message); } }
        public static void AreEqual(int expected, int actual, [CallerArgumentExpression("actual")] string message = "") { if (expected != actual) { FailEqual(expected, actual, message); } }
        public static void AreEqual(long expected, long actual, [CallerArgumentExpression("actual")] string message = "") { if (expected != actual) { FailEqual(expected, actual, message); } }
        public static void AreEqual(object expected, object actual, [CallerArgumentExpression("actual")] string message = "") { if (!SameValue(expected, actual)) { FailEqual(expected, actual, message); } }
        public static void AreEqual(sbyte expected, sbyte actual, [CallerArgumentExpression("actual")] string message = "") { if (expected != actual) { FailEqual(expected, actual, message); } }
        public static void AreEqual(short expected, short actual, [CallerArgumentExpression("actual")] string message = "") { if (expected != actual) { FailEqual(expected, actual, message); } }
        public static void AreEqual(string expected, string actual, [CallerArgumentExpression("actual")] string message = "") { if (!SameText(expected, actual)) { FailEqual(expected, actual, message); } }
        public static void AreEqual(uint expected, uint actual, [CallerArgumentExpression("actual")] string message = "") { if (expected != actual) { FailEqual(expected, actual, message); } }
        public static void AreEqual(ulong expected, ulong actual, [CallerArgumentExpression("actual")] string message = "") { if (expected != actual) { FailEqual(expected, actual, message); } }
        public static void AreEqual(ushort expected, ushort actual, [CallerArgumentExpression("actual")] string message = "") { if (expected != actual) { FailEqual(expected, actual, message); } }

        public static void AreNotEqual(bool notExpected, bool actual, [CallerArgumentExpression("actual")] string message = "") { if (notExpected == actual) { FailNotEqual(actual, message); } }
        public static void AreNotEqual(byte notExpected, byte actual, [CallerArgumentExpression("actual")] string message = "") { if (notExpected == actual) { FailNotEqual(actual, message); } }
        public static void AreNotEqual(char notExpected, char actual, [CallerArgumentExpression("actual")] string message = "") { if (notExpected == actual) { FailNotEqual(actual, message); } }
        public static void AreNotEqual(DateTime notExpected, DateTime actual, [CallerArgumentExpression("actual")] string message = "") { if (notExpected.Ticks == actual.Ticks) { FailNotEqual(actual, message); } }
        public static void AreNotEqual(double notExpected, double actual, [CallerArgumentExpression("actual")] string message = "") { if (notExpected.Equals(actual)) { FailNotEqual(actual, message); } }
        public static void AreNotEqual(float notExpected, float actual, [CallerArgumentExpression("actual")] string message = "") { if (notExpected.Equals(actual)) { FailNotEqual(actual, message); } }
        public static void AreNotEqual(int notExpected, int actual, [CallerArgumentExpression("actual")] string message = "") { if (notExpected == actual) { FailNotEqual(actual, message); } }
        public static void AreNotEqual(long notExpected, long actual, [CallerArgumentExpression("actual")] string message = "") { if (notExpected == actual) { FailNotEqual(actual, message); } }
        public static void AreNotEqual(object notExpected, object actual, [CallerArgumentExpression("actual")] string message = "") { if (SameValue(notExpected, actual)) { FailNotEqual(actual, message); } }
        public static void AreNotEqual(sbyte notExpected, sbyte actual, [CallerArgumentExpression("actual")] string message = "") { if (notExpected == actual) { FailNotEqual(actual, message); } }
        public static void AreNotEqual(short notExpected, short actual, [CallerArgumentExpression("actual")] string message = "") { if (notExpected == actual) { FailNotEqual(actual, message); } }
        public static void AreNotEqual(string notExpected, string actual, [CallerArgumentExpression("actual")] string message = "") { if (SameText(notExpected, actual)) { FailNotEqual(actual, message); } }
        public static void AreNotEqual(uint notExpected, uint actual, [CallerArgumentExpression("actual")] string message = "") { if (notExpected == actual) { FailNotEqual(actual, message); } }
        public static void AreNotEqual(ulong notExpected, ulong actual, [CallerArgumentExpression("actual")] string message = "") { if (notExpected == actual) { FailNotEqual(actual, message); } }
        public static void AreNotEqual(ushort notExpected, ushort actual, [CallerArgumentExpression("actual")] string message = "") { if (notExpected == actual) { FailNotEqual(actual, message); } }

        public static void AreSame(object expected, object actual, [CallerArgumentExpression("actual")] string message = "")
        {
            if (!ReferenceEquals(expected, actual))
            {
                Fail("AreSame", "not the same object. " + message);
            }
        }

        public static void AreNotSame(object notExpected, object actual, [CallerArgumentExpression("actual")] string message = "")
        {
            if (ReferenceEquals(notExpected, actual))
            {
                Fail("AreNotSame", "the same object. " + message);
            }
        }

        public static void Contains(string expected, string value, [CallerArgumentExpression("value")] string message = "")
        {
            if (value == null || expected == null || value.IndexOf(expected) < 0)
            {
                Fail("Contains", "<" + Show(expected) + "> not in <" + Show(value) + ">. " + message);
            }
        }

        public static void DoesNotContains(string notExpected, string value, [CallerArgumentExpression("value")] string message = "")
        {
            if (value != null && notExpected != null && value.IndexOf(notExpected) >= 0)
            {
                Fail("DoesNotContains", "<" + notExpected + "> found in <" + value + ">. " + message);
            }
        }

        public static void StartsWith(string expected, string value, [CallerArgumentExpression("value")] string message = "")
        {
            if (value == null || expected == null || !value.StartsWith(expected))
            {
                Fail("StartsWith", "<" + Show(value) + "> does not start with <" + Show(expected) + ">. " + message);
            }
        }

        public static void EndsWith(string expected, string value, [CallerArgumentExpression("value")] string message = "")
        {
            if (value == null || expected == null || !value.EndsWith(expected))
            {
                Fail("EndsWith", "<" + Show(value) + "> does not end with <" + Show(expected) + ">. " + message);
            }
        }

        public static void IsTrue(bool condition, [CallerArgumentExpression("condition")] string message = "")
        {
            if (!condition)
            {
                Fail("IsTrue", message);
            }
        }

        public static void IsFalse(bool condition, [CallerArgumentExpression("condition")] string message = "")
        {
            if (condition)
            {
                Fail("IsFalse", message);
            }
        }

        public static void IsNull(object value, [CallerArgumentExpression("value")] string message = "")
        {
            if (value != null)
            {
                Fail("IsNull", "was <" + Show(value) + ">. " + message);
            }
        }

        public static void IsNotNull(object value, [CallerArgumentExpression("value")] string message = "")
        {
            if (value == null)
            {
                Fail("IsNotNull", message);
            }
        }

        public static void IsInstanceOfType(object value, Type expected, [CallerArgumentExpression("value")] string message = "")
        {
            if (value == null || expected == null || !expected.IsInstanceOfType(value))
            {
                Fail("IsInstanceOfType", message);
            }
        }

        public static void IsNotInstanceOfType(object value, Type notExpected, [CallerArgumentExpression("value")] string message = "")
        {
            if (value != null && notExpected != null && notExpected.IsInstanceOfType(value))
            {
                Fail("IsNotInstanceOfType", message);
            }
        }

        public static void SkipTest(string message = null)
        {
            throw new SkipTestException(message);
        }

        /// <summary>Passes when the action throws exactly <paramref name="exception"/> (not a subclass), as upstream.</summary>
        public static void ThrowsException(Type exception, Action action, [CallerArgumentExpression("action")] string message = "")
        {
            try
            {
                action();
            }
            catch (Exception ex)
            {
                if (ex.GetType() == exception)
                {
                    return;
                }

                Fail("ThrowsException", "threw " + ex.GetType().FullName + " instead of " + exception.FullName + ". " + message);
            }

            Fail("ThrowsException", "nothing thrown, expected " + exception.FullName + ". " + message);
        }

        internal static bool SameText(string a, string b)
        {
            if ((object)a == null || (object)b == null)
            {
                return (object)a == null && (object)b == null;
            }

            return string.Equals(a, b);
        }

        private static bool SameValue(object a, object b)
        {
            if (a == null || b == null)
            {
                return a == null && b == null;
            }

            return a.Equals(b);
        }

        internal static string Show(object value)
        {
            return value == null ? "(null)" : value.ToString();
        }

        private static void FailEqual(object expected, object actual, string message)
        {
            Fail("AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">. " + message);
        }

        private static void FailNotEqual(object actual, string message)
        {
            Fail("AreNotEqual", "both <" + Show(actual) + ">. " + message);
        }

        internal static void Fail(string assertion, string text)
        {
            throw new AssertFailedException("Assert." + assertion + " failed. " + text);
        }
    }

    public sealed class CollectionAssert
    {
        public static void Empty(ICollection collection, string message = "")
        {
            if (collection == null || collection.Count != 0)
            {
                Assert.Fail("Empty", message);
            }
        }

        public static void NotEmpty(ICollection collection, string message = "")
        {
            if (collection == null || collection.Count == 0)
            {
                Assert.Fail("NotEmpty", message);
            }
        }

        public static void AreEqual(ICollection expected, ICollection actual, string message = "")
        {
            if (!Same(expected, actual))
            {
                Assert.Fail("CollectionAssert.AreEqual", message);
            }
        }

        public static void AreNotEqual(ICollection notExpected, ICollection actual, string message = "")
        {
            if (Same(notExpected, actual))
            {
                Assert.Fail("CollectionAssert.AreNotEqual", message);
            }
        }

        private static bool Same(ICollection a, ICollection b)
        {
            if (a == null || b == null)
            {
                return a == null && b == null;
            }

            if (a.Count != b.Count)
            {
                return false;
            }

            IEnumerator x = a.GetEnumerator();
            IEnumerator y = b.GetEnumerator();
            while (x.MoveNext() && y.MoveNext())
            {
                object p = x.Current;
                object q = y.Current;
                if (p == null ? q != null : !p.Equals(q))
                {
                    return false;
                }
            }

            return true;
        }
    }

    public static class OutputHelper
    {
        public static void Write(string message)
        {
            System.Diagnostics.Debug.Write(message);
        }

        public static void WriteLine(string message)
        {
            System.Diagnostics.Debug.WriteLine(message);
        }
    }

    public static class TestExtensions
    {
        public static bool SequenceEqual(this Array a, Array b)
        {
            if (a == null || b == null)
            {
                return a == null && b == null;
            }

            if (a.Length != b.Length)
            {
                return false;
            }

            for (int i = 0; i < a.Length; i++)
            {
                object p = a.GetValue(i);
                object q = b.GetValue(i);
                if (p == null ? q != null : !p.Equals(q))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
