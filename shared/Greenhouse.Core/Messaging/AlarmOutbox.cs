using Greenhouse.Text;

namespace Greenhouse.Messaging
{
    /// <summary>
    /// Alarm events (raised/cleared) waiting to be published on <c>&lt;base&gt;/alarm</c>. Bounded: when the link is
    /// down for long, the oldest events are dropped and counted, and the count goes out with the next event.
    /// Events are preformatted JSON strings, built only when an alarm changes.
    /// </summary>
    public sealed class AlarmOutbox
    {
        public const int Capacity = 16;

        private readonly string[] _ring = StringArray.New(Capacity);
        private int _head;
        private int _count;

        /// <summary>Events lost because the buffer was full (reset when reported).</summary>
        public int Dropped { get; private set; }

        public int Count
        {
            get { return _count; }
        }

        public void Add(string eventJson)
        {
            if (_count == Capacity)
            {
                _ring[_head] = null;
                _head = (_head + 1) % Capacity;
                _count--;
                Dropped++;
            }

            _ring[(_head + _count) % Capacity] = eventJson;
            _count++;
        }

        /// <summary>The oldest event, or null.</summary>
        public string Peek()
        {
            return _count == 0 ? null : _ring[_head];
        }

        /// <summary>Removes the oldest event (after it was handed to the link).</summary>
        public void Remove()
        {
            if (_count == 0)
            {
                return;
            }

            _ring[_head] = null;
            _head = (_head + 1) % Capacity;
            _count--;
        }

        /// <summary>Reads and resets the drop counter.</summary>
        public int TakeDropped()
        {
            int dropped = Dropped;
            Dropped = 0;
            return dropped;
        }
    }
}
