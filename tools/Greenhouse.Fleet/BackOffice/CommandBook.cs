using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;

namespace Greenhouse.Fleet;

/// <summary>
/// Every grower command and its ack. A device has at most one open command at a time, so the command topic the ack
/// echoes identifies the command. A command without an ack within the timeout is lost; its device gets no new command
/// until the late ack arrives, so a late ack is never taken for a newer command. Commands still open when the broker
/// is stopped for a restart are booked apart (cut by the restart) if their ack never comes: neither side can deliver
/// them, on a real broker either.
/// </summary>
internal sealed class CommandBook
{
    private sealed class Pending
    {
        public int Device;
        public double SentMs;
        public bool ExpectOk;
        public FleetPhase Phase;
        public bool CutByRestart;
    }

    private readonly TimeSpan _timeout;
    private readonly Func<double> _runMs;
    private readonly int[] _busy;
    private readonly ConcurrentDictionary<string, Pending> _pending = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Pending> _timedOut = new(StringComparer.Ordinal);
    // Moving a command from open to timed out and matching an ack happen under this lock, so an ack that arrives just
    // as its command times out is either on time or late, never neither.
    private readonly object _match = new();
    private readonly Latency[] _latency = new Latency[FleetPhases.Count];
    private readonly Latency _late = new();
    private readonly long[] _sentByPhase = new long[FleetPhases.Count];
    private readonly long[] _lostByPhase = new long[FleetPhases.Count];

    private long _sent;
    private long _invalid;
    private long _acks;
    private long _lost;
    private long _cut;
    private long _mismatches;
    private long _unmatched;
    private long _lateAcks;

    public CommandBook(int devices, TimeSpan timeout, Func<double> runMs)
    {
        _busy = new int[devices];
        _timeout = timeout;
        _runMs = runMs;
        for (int i = 0; i < _latency.Length; i++)
        {
            _latency[i] = new Latency();
        }
    }

    public long Sent => Interlocked.Read(ref _sent);
    public long Invalid => Interlocked.Read(ref _invalid);
    public long Acks => Interlocked.Read(ref _acks);
    /// <summary>Commands without an ack within the timeout, not counting those cut by a restart.</summary>
    public long Lost => Interlocked.Read(ref _lost);
    public long CutByRestart => Interlocked.Read(ref _cut);
    public long Mismatches => Interlocked.Read(ref _mismatches);
    public long Unmatched => Interlocked.Read(ref _unmatched);
    public long LateAcks => Interlocked.Read(ref _lateAcks);
    public int Open => _pending.Count;

    public bool IsBusy(int device) => Volatile.Read(ref _busy[device]) != 0;

    /// <summary>Books a command about to be sent; false when the device already has one open.</summary>
    public bool TryBegin(int device, string topic, bool expectOk, FleetPhase phase)
    {
        if (Interlocked.CompareExchange(ref _busy[device], 1, 0) != 0)
        {
            return false;
        }

        var pending = new Pending { Device = device, ExpectOk = expectOk, SentMs = _runMs(), Phase = phase };
        if (!_pending.TryAdd(topic, pending))
        {
            Volatile.Write(ref _busy[device], 0);
            return false;
        }

        Interlocked.Increment(ref _sent);
        Interlocked.Increment(ref _sentByPhase[(int)phase]);
        if (!expectOk)
        {
            Interlocked.Increment(ref _invalid);
        }

        return true;
    }

    /// <summary>The publish failed at once (client offline): the command was never sent.</summary>
    public void Abandon(string topic)
    {
        lock (_match)
        {
            if (_pending.TryRemove(topic, out Pending p))
            {
                Interlocked.Decrement(ref _sent);
                Interlocked.Decrement(ref _sentByPhase[(int)p.Phase]);
                if (!p.ExpectOk)
                {
                    Interlocked.Decrement(ref _invalid);
                }

                Volatile.Write(ref _busy[p.Device], 0);
            }
        }
    }

    /// <summary>The broker is being stopped: what is open now may never be answered.</summary>
    public void MarkOpenAsCutByRestart()
    {
        lock (_match)
        {
            foreach (Pending p in _pending.Values)
            {
                p.CutByRestart = true;
            }
        }
    }

    /// <summary>Counts commands older than the timeout as lost (or cut by the restart).</summary>
    public void Sweep()
    {
        double now = _runMs();
        foreach (KeyValuePair<string, Pending> entry in _pending)
        {
            if (now - entry.Value.SentMs > _timeout.TotalMilliseconds)
            {
                Expire(entry.Key);
            }
        }
    }

    /// <summary>At the end: everything still open is lost (or cut by the restart).</summary>
    public void ExpireAll()
    {
        foreach (string topic in _pending.Keys.ToArray())
        {
            Expire(topic);
        }
    }

    private void Expire(string topic)
    {
        lock (_match)
        {
            if (!_pending.TryRemove(topic, out Pending p))
            {
                return;
            }

            if (p.CutByRestart)
            {
                Interlocked.Increment(ref _cut);
            }
            else
            {
                Interlocked.Increment(ref _lost);
                Interlocked.Increment(ref _lostByPhase[(int)p.Phase]);
            }

            _timedOut[topic] = p;
        }
    }

    /// <summary>An ack from the observer (any thread).</summary>
    public void OnAck(ReadOnlySequence<byte> payload)
    {
        double now = _runMs();
        string commandTopic = null;
        bool ok = false;
        try
        {
            var reader = new Utf8JsonReader(payload);
            string property = null;
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    property = reader.GetString();
                }
                else if (property == "topic" && reader.TokenType == JsonTokenType.String)
                {
                    commandTopic = reader.GetString();
                }
                else if (property == "ok" && reader.TokenType is JsonTokenType.True or JsonTokenType.False)
                {
                    ok = reader.GetBoolean();
                }
            }
        }
        catch (JsonException)
        {
            commandTopic = null;
        }

        Pending late = null;
        Pending onTime = null;
        lock (_match)
        {
            if (commandTopic != null && _timedOut.TryRemove(commandTopic, out late))
            {
                Volatile.Write(ref _busy[late.Device], 0);
            }
            else if (commandTopic != null && _pending.TryRemove(commandTopic, out onTime))
            {
                Volatile.Write(ref _busy[onTime.Device], 0);
            }
        }

        if (late != null)
        {
            Interlocked.Increment(ref _lateAcks);
            lock (_late)
            {
                _late.Record(now - late.SentMs);
            }

            return;
        }

        if (onTime == null)
        {
            Interlocked.Increment(ref _unmatched);
            return;
        }

        Interlocked.Increment(ref _acks);
        if (ok != onTime.ExpectOk)
        {
            Interlocked.Increment(ref _mismatches);
        }

        Latency latency = _latency[(int)onTime.Phase];
        lock (latency)
        {
            latency.Record(now - onTime.SentMs);
        }
    }

    /// <summary>Ack latency of the commands sent in one phase (a copy).</summary>
    public Latency LatencyOf(FleetPhase phase)
    {
        var copy = new Latency();
        Latency source = _latency[(int)phase];
        lock (source)
        {
            copy.Add(source);
        }

        return copy;
    }

    /// <summary>Ack latency of every answered command (a copy).</summary>
    public Latency AllLatency()
    {
        var all = new Latency();
        for (int p = 0; p < FleetPhases.Count; p++)
        {
            all.Add(LatencyOf((FleetPhase)p));
        }

        return all;
    }

    public Latency LateLatency()
    {
        var copy = new Latency();
        lock (_late)
        {
            copy.Add(_late);
        }

        return copy;
    }

    public long SentIn(FleetPhase phase) => Interlocked.Read(ref _sentByPhase[(int)phase]);

    public long LostIn(FleetPhase phase) => Interlocked.Read(ref _lostByPhase[(int)phase]);
}
