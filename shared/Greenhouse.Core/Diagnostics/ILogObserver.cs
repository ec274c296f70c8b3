namespace Greenhouse.Diagnostics
{
    /// <summary>Sees every line the <see cref="Logger"/> writes (after rate limiting and secret masking).</summary>
    public interface ILogObserver
    {
        /// <summary>Called once per written line; <paramref name="line"/> is the complete text as written.</summary>
        void OnLine(LogLevel level, string component, string message, string line);
    }
}
