// Compile-only shim, not deployed. Declares only members that exist upstream.
// Package: nanoFramework.TestFramework 3.0.80
// Upstream: nanoframework/nanoFramework.TestFramework@d4fa55eb58a9ef2f4635e87da79d42e6c49b04b4 source/TestFramework/Assert.cs
// Upstream: nanoframework/nanoFramework.TestFramework@d4fa55eb58a9ef2f4635e87da79d42e6c49b04b4 source/TestFramework/Assert.AreEqual.cs
// Upstream: nanoframework/nanoFramework.TestFramework@d4fa55eb58a9ef2f4635e87da79d42e6c49b04b4 source/TestFramework/Assert.AreNotEqual.cs
// Upstream: nanoframework/nanoFramework.TestFramework@d4fa55eb58a9ef2f4635e87da79d42e6c49b04b4 source/TestFramework/CollectionAssert.cs
// Upstream: nanoframework/nanoFramework.TestFramework@d4fa55eb58a9ef2f4635e87da79d42e6c49b04b4 source/TestFramework/OutputHelper.cs
// Upstream: nanoframework/nanoFramework.TestFramework@d4fa55eb58a9ef2f4635e87da79d42e6c49b04b4 source/TestFramework/TestExtensions.cs
// UNVERIFIED version match: read at v3.0.77+1 commit (the snapshot's newest); 3.0.80 is the pinned package.
// No generic asserts, no AreEqual(double, double, delta), no Assert.Fail/Inconclusive, no StringAssert.
// ThrowsException(Type, Action) matches the exact exception type. The [Obsolete] xUnit-style aliases
// (Equal, True, Null, Throws, ...) exist upstream but are deliberately left out so they cannot be used.
using System;
using System.Collections;
using System.Runtime.CompilerServices;

namespace nanoFramework.TestFramework
{
    public sealed partial class Assert
    {
        public static void AreEqual(bool expected, bool actual, [CallerArgumentExpression(nameof(actual))] string message = "") { throw null; }
        public static void AreEqual(byte expected, byte actual, [CallerArgumentExpression(nameof(actual))] string message = "") { throw null; }
        public static void AreEqual(char expected, char actual, [CallerArgumentExpression(nameof(actual))] string message = "") { throw null; }
        public static void AreEqual(DateTime expected, DateTime actual, [CallerArgumentExpression(nameof(actual))] string message = "") { throw null; }
        public static void AreEqual(double expected, double actual, [CallerArgumentExpression(nameof(actual))] string message = "") { throw null; }
        public static void AreEqual(float expected, float actual, [CallerArgumentExpression(nameof(actual))] string message = "") { throw null; }
        public static void AreEqual(int expected, int actual, [CallerArgumentExpression(nameof(actual))] string message = "") { throw null; }
        public static void AreEqual(long expected, long actual, [CallerArgumentExpression(nameof(actual))] string message = "") { throw null; }
        public static void AreEqual(object expected, object actual, [CallerArgumentExpression(nameof(actual))] string message = "") { throw null; }
        public static void AreEqual(sbyte expected, sbyte actual, [CallerArgumentExpression(nameof(actual))] string message = "") { throw null; }
        public static void AreEqual(short expected, short actual, [CallerArgumentExpression(nameof(actual))] string message = "") { throw null; }
        public static void AreEqual(string expected, string actual, [CallerArgumentExpression(nameof(actual))] string message = "") { throw null; }
        public static void AreEqual(uint expected, uint actual, [CallerArgumentExpression(nameof(actual))] string message = "") { throw null; }
        public static void AreEqual(ulong expected, ulong actual, [CallerArgumentExpression(nameof(actual))] string message = "") { throw null; }
        public static void AreEqual(ushort expected, ushort actual, [CallerArgumentExpression(nameof(actual))] string message = "") { throw null; }
        public static void AreNotEqual(bool notExpected, bool actual, [CallerArgumentExpression(nameof(actual))] string message = "") { throw null; }
        public static void AreNotEqual(byte notExpected, byte actual, [CallerArgumentExpression(nameof(actual))] string message = "") { throw null; }
        public static void AreNotEqual(char notExpected, char actual, [CallerArgumentExpression(nameof(actual))] string message = "") { throw null; }
        public static void AreNotEqual(DateTime notExpected, DateTime actual, [CallerArgumentExpression(nameof(actual))] string message = "") { throw null; }
        public static void AreNotEqual(double notExpected, double actual, [CallerArgumentExpression(nameof(actual))] string message = "") { throw null; }
        public static void AreNotEqual(float notExpected, float actual, [CallerArgumentExpression(nameof(actual))] string message = "") { throw null; }
        public static void AreNotEqual(int notExpected, int actual, [CallerArgumentExpression(nameof(actual))] string message = "") { throw null; }
        public static void AreNotEqual(long notExpected, long actual, [CallerArgumentExpression(nameof(actual))] string message = "") { throw null; }
        public static void AreNotEqual(object notExpected, object actual, [CallerArgumentExpression(nameof(actual))] string message = "") { throw null; }
        public static void AreNotEqual(sbyte notExpected, sbyte actual, [CallerArgumentExpression(nameof(actual))] string message = "") { throw null; }
        public static void AreNotEqual(short notExpected, short actual, [CallerArgumentExpression(nameof(actual))] string message = "") { throw null; }
        public static void AreNotEqual(string notExpected, string actual, [CallerArgumentExpression(nameof(actual))] string message = "") { throw null; }
        public static void AreNotEqual(uint notExpected, uint actual, [CallerArgumentExpression(nameof(actual))] string message = "") { throw null; }
        public static void AreNotEqual(ulong notExpected, ulong actual, [CallerArgumentExpression(nameof(actual))] string message = "") { throw null; }
        public static void AreNotEqual(ushort notExpected, ushort actual, [CallerArgumentExpression(nameof(actual))] string message = "") { throw null; }
        public static void AreNotSame(object notExpected, object actual, [CallerArgumentExpression(nameof(actual))] string message = "") { throw null; }
        public static void AreSame(object expected, object actual, [CallerArgumentExpression(nameof(actual))] string message = "") { throw null; }
        public static void Contains(string expected, string value, [CallerArgumentExpression(nameof(value))] string message = "") { throw null; }
        public static void DoesNotContains(string notExpected, string value, [CallerArgumentExpression(nameof(value))] string message = "") { throw null; }
        public static void EndsWith(string expected, string value, [CallerArgumentExpression(nameof(value))] string message = "") { throw null; }
        public static void IsFalse(bool condition, [CallerArgumentExpression(nameof(condition))] string message = "") { throw null; }
        public static void IsInstanceOfType(object value, Type expected, [CallerArgumentExpression(nameof(value))] string message = "") { throw null; }
        public static void IsNotInstanceOfType(object value, Type notExpected, [CallerArgumentExpression(nameof(value))] string message = "") { throw null; }
        public static void IsNotNull(object value, [CallerArgumentExpression(nameof(value))] string message = "") { throw null; }
        public static void IsNull(object value, [CallerArgumentExpression(nameof(value))] string message = "") { throw null; }
        public static void IsTrue(bool condition, [CallerArgumentExpression(nameof(condition))] string message = "") { throw null; }
        public static void SkipTest(string message = null) { throw null; }
        public static void StartsWith(string expected, string value, [CallerArgumentExpression(nameof(value))] string message = "") { throw null; }
        public static void ThrowsException(Type exception, Action action, [CallerArgumentExpression(nameof(action))] string message = "") { throw null; }
    }

    public sealed class CollectionAssert
    {
        public static void Empty(ICollection collection, string message = "") { throw null; }
        public static void NotEmpty(ICollection collection, string message = "") { throw null; }
        public static void AreEqual(ICollection expected, ICollection actual, string message = "") { throw null; }
        public static void AreNotEqual(ICollection notExpected, ICollection actual, string message = "") { throw null; }
    }

    public static class OutputHelper
    {
        public static void Write(string message) { throw null; }
        public static void WriteLine(string message) { throw null; }
    }

    public static class TestExtensions
    {
        public static bool SequenceEqual(this Array a, Array b) { throw null; }
    }
}
