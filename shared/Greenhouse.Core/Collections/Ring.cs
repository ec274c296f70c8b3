namespace Greenhouse.Collections
{
    /// <summary>
    /// A bounded first-in first-out buffer of objects: when full, adding drops the oldest and counts it. The one
    /// ring the core uses (journal lines, inbox messages, alarm events). Not thread-safe: an owner shared between
    /// threads locks around it (see Greenhouse.App.Inbox). Items are object (nanoFramework 1.x has no generics);
    /// the owner casts.
    /// </summary>
    public sealed class Ring
    {
        private readonly object[] _items;
        private int _head;
        private int _count;

        public Ring(int capacity)
        {
            _items = new object[capacity];
        }

        public int Capacity
        {
            get { return _items.Length; }
        }

        public int Count
        {
            get { return _count; }
        }

        /// <summary>Items dropped because the ring was full, since creation or the last <see cref="TakeDropped"/>.</summary>
        public int Dropped { get; private set; }

        /// <summary>Adds at the newest end; when full the oldest item is dropped first (and counted).</summary>
        public void Add(object item)
        {
            if (_count == _items.Length)
            {
                _items[_head] = null;
                _head = (_head + 1) % _items.Length;
                _count--;
                Dropped++;
            }

            _items[(_head + _count) % _items.Length] = item;
            _count++;
        }

        /// <summary>Item <paramref name="index"/> counted from the oldest (0), or null when out of range.</summary>
        public object Get(int index)
        {
            return index < 0 || index >= _count ? null : _items[(_head + index) % _items.Length];
        }

        /// <summary>The oldest item, or null when empty.</summary>
        public object Peek()
        {
            return _count == 0 ? null : _items[_head];
        }

        /// <summary>Removes and returns the oldest item, or null when empty.</summary>
        public object Take()
        {
            if (_count == 0)
            {
                return null;
            }

            object item = _items[_head];
            _items[_head] = null;
            _head = (_head + 1) % _items.Length;
            _count--;
            return item;
        }

        /// <summary>Empties the ring (the drop count stays).</summary>
        public void Clear()
        {
            for (int i = 0; i < _items.Length; i++)
            {
                _items[i] = null;
            }

            _head = 0;
            _count = 0;
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
