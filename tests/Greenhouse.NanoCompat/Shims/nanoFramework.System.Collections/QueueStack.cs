// Compile-only shim, not deployed. Declares only members that exist upstream.
// Package: nanoFramework.System.Collections 1.5.75
// Upstream: nanoframework/System.Collections@c334f95df155fb0546fc1461cd1b143afd637121 nanoFramework.System.Collections/Collections/Queue.cs
// Upstream: nanoframework/System.Collections@c334f95df155fb0546fc1461cd1b143afd637121 nanoFramework.System.Collections/Collections/Stack.cs
namespace System.Collections
{
    public class Queue : ICollection, ICloneable
    {
        public Queue() { throw null; }
        public virtual int Count { get { throw null; } }
        public virtual object Clone() { throw null; }
        public virtual bool IsSynchronized { get { throw null; } }
        public virtual object SyncRoot { get { throw null; } }
        public virtual void Clear() { throw null; }
        public virtual void CopyTo(Array array, int index) { throw null; }
        public virtual void Enqueue(object obj) { throw null; }
        public virtual IEnumerator GetEnumerator() { throw null; }
        public virtual object Dequeue() { throw null; }
        public virtual object Peek() { throw null; }
        public virtual bool Contains(object obj) { throw null; }
        public virtual object[] ToArray() { throw null; }
    }

    public class Stack : ICollection, ICloneable
    {
        public Stack() { throw null; }
        public virtual int Count { get { throw null; } }
        public virtual bool IsSynchronized { get { throw null; } }
        public virtual object SyncRoot { get { throw null; } }
        public virtual void Clear() { throw null; }
        public virtual object Clone() { throw null; }
        public virtual bool Contains(object obj) { throw null; }
        public virtual void CopyTo(Array array, int index) { throw null; }
        public virtual IEnumerator GetEnumerator() { throw null; }
        public virtual object Peek() { throw null; }
        public virtual object Pop() { throw null; }
        public virtual void Push(object obj) { throw null; }
        public virtual object[] ToArray() { throw null; }
    }
}
