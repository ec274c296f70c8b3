using HdrHistogram;
using HdrHistogram.Encoding;
using HdrHistogram.Utilities;

namespace Greenhouse.Fleet;

/// <summary>
/// A latency distribution in milliseconds over HdrHistogram (microsecond resolution, 3 significant digits, up to an
/// hour; longer values count as an hour). Generator processes send theirs to the coordinator encoded, so fleet-wide
/// percentiles are exact merges, not averages of percentiles. Not thread-safe: one writer.
/// </summary>
public sealed class Latency
{
    private const long HighestMicros = 3_600_000_000;
    private readonly LongHistogram _histogram;

    public Latency()
    {
        _histogram = new LongHistogram(HighestMicros, 3);
    }

    public long Count => _histogram.TotalCount;

    public void Record(double milliseconds)
    {
        long micros = (long)Math.Round(milliseconds * 1000.0);
        _histogram.RecordValue(Math.Clamp(micros, 0, HighestMicros));
    }

    public void Add(Latency other)
    {
        if (other != null && other.Count > 0)
        {
            _histogram.Add(other._histogram);
        }
    }

    /// <summary>Value at a percentile (0..100), ms; null when empty.</summary>
    public double? Percentile(double p) => Count == 0 ? null : _histogram.GetValueAtPercentile(p) / 1000.0;

    public double? Max => Count == 0 ? null : _histogram.GetMaxValue() / 1000.0;

    public double? Mean => Count == 0 ? null : _histogram.GetMean() / 1000.0;

    /// <summary>
    /// HdrHistogram's V2 encoding, base64 (for the worker-to-coordinator report). Uncompressed: HdrHistogram.NET 2.5.0
    /// fails to decode its own compressed form once the payload is a few kilobytes (a partial read of the deflate
    /// stream), and the plain form of a full histogram is only about 20 KB.
    /// </summary>
    public string Encode()
    {
        ByteBuffer buffer = ByteBuffer.Allocate(_histogram.GetNeededByteBufferCapacity());
        int length = _histogram.Encode(buffer, HistogramEncoderV2.Instance);
        byte[] bytes = new byte[length];
        buffer.Position = 0;
        for (int i = 0; i < length; i++)
        {
            bytes[i] = buffer.Get();
        }

        return Convert.ToBase64String(bytes);
    }

    public static Latency Decode(string base64)
    {
        var latency = new Latency();
        if (!string.IsNullOrEmpty(base64))
        {
            HistogramBase decoded = HistogramEncoding.DecodeFromByteBuffer(ByteBuffer.Allocate(Convert.FromBase64String(base64)), HighestMicros, null);
            latency._histogram.Add(decoded);
        }

        return latency;
    }

    public LatencySummary Summary() => new()
    {
        Count = Count,
        P50Ms = Percentile(50),
        P99Ms = Percentile(99),
        P999Ms = Percentile(99.9),
        MaxMs = Max,
    };
}

/// <summary>The figures of a <see cref="Latency"/> that go into reports.</summary>
public sealed class LatencySummary
{
    public long Count { get; set; }
    public double? P50Ms { get; set; }
    public double? P99Ms { get; set; }
    public double? P999Ms { get; set; }
    public double? MaxMs { get; set; }
}
