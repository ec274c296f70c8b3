using Greenhouse.Ports;

namespace Greenhouse.TestSupport
{
    /// <summary>A digital input such as the tank float switch: its level, and whether it can be read at all.</summary>
    public sealed class FakeInput : IDigitalInput
    {
        public bool High = true;
        public bool Readable = true;

        public bool TryRead(out bool high)
        {
            high = High;
            return Readable;
        }
    }
}
