using Greenhouse.Ports;

namespace Greenhouse.Host;

/// <summary>ILogSink that keeps the last lines in memory and optionally echoes them to a TextWriter. Locked, because the
/// hosted controller writes from its tick thread while others read (the shared FakeLog is for single-threaded rigs).</summary>
public sealed class MemoryLogSink : ILogSink
{
    private readonly ConcurrentQueueLines _lines = new();
    private readonly TextWriter _echo;

    public MemoryLogSink(TextWriter echo = null)
    {
        _echo = echo;
    }

    public void WriteLine(string line)
    {
        _lines.Add(line);
        _echo?.WriteLine(line);
    }

    public string[] Lines => _lines.Snapshot();

    private sealed class ConcurrentQueueLines
    {
        private readonly object _gate = new();
        private readonly Queue<string> _queue = new();

        public void Add(string line)
        {
            lock (_gate)
            {
                _queue.Enqueue(line);
                while (_queue.Count > 2000)
                {
                    _queue.Dequeue();
                }
            }
        }

        public string[] Snapshot()
        {
            lock (_gate)
            {
                return _queue.ToArray();
            }
        }
    }
}
