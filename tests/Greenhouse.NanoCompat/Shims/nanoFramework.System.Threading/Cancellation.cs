// Compile-only shim, not deployed. Declares only members that exist upstream.
// Package: nanoFramework.System.Threading 1.1.52
// Upstream: nanoframework/System.Threading@866134ed5ae3faad59a2e5339c33d56f77eebee4 nanoFramework.System.Threading/Threading/CancellationToken.cs
// Upstream: nanoframework/System.Threading@866134ed5ae3faad59a2e5339c33d56f77eebee4 nanoFramework.System.Threading/Threading/CancellationTokenRegistration.cs
// Upstream: nanoframework/System.Threading@866134ed5ae3faad59a2e5339c33d56f77eebee4 nanoFramework.System.Threading/Threading/CancellationTokenSource.cs
// Upstream: nanoframework/System.Threading@866134ed5ae3faad59a2e5339c33d56f77eebee4 nanoFramework.System.Threading/Threading/OperationCanceledException.cs
// The 1.1.52 package compiles only these four files (see its .nfproj): no Task, no async/await support,
// no ThreadPool, no SynchronizationContext. OperationCanceledException lives in System.Threading here.
namespace System.Threading
{
    public struct CancellationToken
    {
        public static CancellationToken None { get { throw null; } }
        public bool IsCancellationRequested { get { throw null; } }
        public bool CanBeCanceled { get { throw null; } }
        public WaitHandle WaitHandle { get { throw null; } }
        public CancellationToken(bool canceled) { throw null; }
        public CancellationTokenRegistration Register(Action callback) { throw null; }
        public bool Equals(CancellationToken other) { throw null; }
        public override bool Equals(object other) { throw null; }
        public override int GetHashCode() { throw null; }
        public void ThrowIfCancellationRequested() { throw null; }
    }

    public struct CancellationTokenRegistration : IDisposable
    {
        public void Dispose() { throw null; }
        public static bool operator ==(CancellationTokenRegistration left, CancellationTokenRegistration right) { throw null; }
        public static bool operator !=(CancellationTokenRegistration left, CancellationTokenRegistration right) { throw null; }
        public override bool Equals(object obj) { throw null; }
        public bool Equals(CancellationTokenRegistration other) { throw null; }
        public override int GetHashCode() { throw null; }
    }

    public class CancellationTokenSource : IDisposable
    {
        public CancellationTokenSource(int millisecondsDelay) { throw null; }
        public CancellationTokenSource(TimeSpan delay) { throw null; }
        public CancellationTokenSource() { throw null; }
        public bool IsCancellationRequested { get { throw null; } }
        public CancellationToken Token { get { throw null; } }
        public void Cancel() { throw null; }
        public void Cancel(bool throwOnFirstException) { throw null; }
        public void CancelAfter(TimeSpan delay) { throw null; }
        public void CancelAfter(int millisecondsDelay) { throw null; }
        public void Dispose() { throw null; }
        protected virtual void Dispose(bool disposing) { throw null; }
    }

    public class OperationCanceledException : SystemException
    {
        public OperationCanceledException() { throw null; }
        public OperationCanceledException(string message) { throw null; }
        public OperationCanceledException(string message, Exception innerException) { throw null; }
    }
}
