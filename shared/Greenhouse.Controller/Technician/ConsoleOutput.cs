using Greenhouse.Diagnostics;
using Greenhouse.Ports;

namespace Greenhouse.Technician
{
    /// <summary>Where console answers go: the console's sink, with every current secret value masked.</summary>
    public sealed class ConsoleOutput
    {
        private readonly ILogSink _sink;
        private readonly SecretFilter _secrets;

        public ConsoleOutput(ILogSink sink, SecretFilter secrets)
        {
            _sink = sink;
            _secrets = secrets;
        }

        public void Line(string text)
        {
            if (_sink == null)
            {
                return;
            }

            _sink.WriteLine(_secrets == null ? text : _secrets.Apply(text));
        }
    }
}
