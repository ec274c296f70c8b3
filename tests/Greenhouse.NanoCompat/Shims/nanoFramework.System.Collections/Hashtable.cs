// Compile-only shim, not deployed. Declares only members that exist upstream.
// Package: nanoFramework.System.Collections 1.5.75
// Upstream: nanoframework/System.Collections@c334f95df155fb0546fc1461cd1b143afd637121 nanoFramework.System.Collections/Collections/Hashtable.cs
// Upstream: nanoframework/System.Collections@c334f95df155fb0546fc1461cd1b143afd637121 nanoFramework.System.Collections/Collections/IDictionary.cs
// Upstream: nanoframework/System.Collections@c334f95df155fb0546fc1461cd1b143afd637121 nanoFramework.System.Collections/Collections/IDictionaryEnumerator.cs
// Upstream: nanoframework/System.Collections@c334f95df155fb0546fc1461cd1b143afd637121 nanoFramework.System.Collections/Collections/DictionaryEntry.cs
// Interfaces are declared complete (a class implementing them must compile against the real shape).
// DictionaryEntry is a CLASS on nanoFramework (a struct on desktop .NET), with public fields Key/Value.
namespace System.Collections
{
    public class Hashtable : ICloneable, IDictionary
    {
        public Hashtable() { throw null; }
        public Hashtable(int capacity) { throw null; }
        public Hashtable(int capacity, float loadFactor) { throw null; }

        public object Clone() { throw null; }
        public IEnumerator GetEnumerator() { throw null; }
        public int Count { get { throw null; } }
        public bool IsSynchronized { get { throw null; } }
        public object SyncRoot { get { throw null; } }
        public void CopyTo(Array array, int arrayIndex) { throw null; }
        public bool IsReadOnly { get { throw null; } }
        public bool IsFixedSize { get { throw null; } }
        public ICollection Keys { get { throw null; } }
        public ICollection Values { get { throw null; } }
        public object this[object key] { get { throw null; } set { throw null; } }
        public void Add(object key, object value) { throw null; }
        public void Clear() { throw null; }
        public bool Contains(object key) { throw null; }
        public void Remove(object key) { throw null; }
    }

    public interface IDictionary : ICollection
    {
        bool IsReadOnly { get; }
        bool IsFixedSize { get; }
        ICollection Keys { get; }
        ICollection Values { get; }
        object this[object key] { get; set; }
        void Add(object key, object value);
        void Clear();
        bool Contains(object key);
        void Remove(object key);
    }

    public interface IDictionaryEnumerator : IEnumerator
    {
        object Key { get; }
        object Value { get; }
        DictionaryEntry Entry { get; }
    }

    public class DictionaryEntry
    {
        public object Key;
        public object Value;
        public DictionaryEntry(object key, object value) { throw null; }
    }
}
