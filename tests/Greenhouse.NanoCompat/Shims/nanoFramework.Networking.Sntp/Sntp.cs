// Compile-only shim, not deployed. Declares only members that exist upstream.
// Package: nanoFramework.Networking.Sntp 1.6.42
// Upstream: nanoframework/nanoFramework.Networking.Sntp@8e44b13844de7c28b9c022a21565dd53c3de40e1 nanoFramework.Networking.Sntp/Sntp.cs
// Complete public surface (a non-static class with only static members, as upstream).
namespace nanoFramework.Networking
{
    public class Sntp
    {
        public static void Start() { throw null; }
        public static void Stop() { throw null; }
        public static void UpdateNow() { throw null; }
        public static bool IsStarted { get { throw null; } }
        public static string Server1 { get { throw null; } set { throw null; } }
        public static string Server2 { get { throw null; } set { throw null; } }
    }
}
