using Greenhouse.Technician;

namespace Greenhouse.TestSupport
{
    /// <summary>Collects what the line editor echoes to the technician's terminal, as text (up to 2,048 characters).</summary>
    public sealed class FakeEcho : IEchoSink
    {
        private readonly char[] _text = new char[2048];
        private int _length;

        public void Echo(byte[] buffer, int offset, int count)
        {
            for (int i = 0; i < count && _length < _text.Length; i++)
            {
                _text[_length++] = (char)buffer[offset + i];
            }
        }

        public string Text
        {
            get { return new string(_text, 0, _length); }
        }

        public void Clear()
        {
            _length = 0;
        }
    }
}
