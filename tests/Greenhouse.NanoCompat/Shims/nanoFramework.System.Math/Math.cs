// Compile-only shim, not deployed.
// Package: nanoFramework.System.Math 1.5.116
// Upstream: nanoframework/System.Math@9e35956f75b12d44654ed5ef55602eea3efa545e nanoFramework.System.Math/Math.cs
namespace System
{
    public static class Math
    {
        public const double PI = 3.14159265358979323846;
        public const double E = 2.7182818284590452354;
        public static int Abs(int value) { throw null; }
        public static double Abs(double value) { throw null; }
        public static double Exp(double d) { throw null; }
        public static double Log(double d) { throw null; }
        public static double Round(double d) { throw null; }
        public static double Max(double x, double y) { throw null; }
        public static double Min(double x, double y) { throw null; }
        public static int Max(int x, int y) { throw null; }
        public static int Min(int x, int y) { throw null; }
    }
}
