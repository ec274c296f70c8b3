using System.Collections.Concurrent;

namespace Greenhouse.Dashboard.Security;

/// <summary>
/// Slows password guessing per account: after <see cref="MaxFailures"/> wrong passwords for one user name within
/// <see cref="Window"/>, that name is refused until the window has passed. Counted by name, not address: the growers
/// of a village often share one mobile-network address, and one guesser must not lock them all out.
/// </summary>
public sealed class LoginThrottle
{
    public const int MaxFailures = 8;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<string, List<DateTime>> _failures = new(StringComparer.OrdinalIgnoreCase);

    public bool Blocked(string name, DateTime nowUtc)
    {
        if (!_failures.TryGetValue(name, out List<DateTime>? list))
        {
            return false;
        }

        lock (list)
        {
            list.RemoveAll(t => nowUtc - t > Window);
            return list.Count >= MaxFailures;
        }
    }

    public void Failed(string name, DateTime nowUtc)
    {
        if (name.Length > 64)
        {
            return;
        }

        List<DateTime> list = _failures.GetOrAdd(name, _ => new List<DateTime>());
        lock (list)
        {
            list.RemoveAll(t => nowUtc - t > Window);
            list.Add(nowUtc);
        }
    }

    public void Succeeded(string name) => _failures.TryRemove(name, out _);
}
