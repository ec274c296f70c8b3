using System.Collections.Concurrent;
using System.Threading.Channels;
using Greenhouse.Dashboard.Houses;

namespace Greenhouse.Dashboard.Data;

/// <summary>
/// Turns state documents into history rows: one per zone at most every <see cref="MinGapSeconds"/> of the house's
/// clock, plus one whenever a zone starts or stops misting (the controller sends a state document then), so short
/// pulses show on the chart. Rows are written in batches on a background task and the table is pruned now and then.
/// </summary>
public sealed class HistoryRecorder : IHostedService
{
    /// <summary>Shortest gap between two rows of a zone that does not change its misting.</summary>
    public const int MinGapSeconds = 60;

    private readonly Database _db;
    private readonly HouseRegistry _registry;
    private readonly DashboardOptions _options;
    private readonly ILogger<HistoryRecorder> _log;
    private readonly Channel<(string, int, Sample)> _queue = Channel.CreateBounded<(string, int, Sample)>(
        new BoundedChannelOptions(10000) { FullMode = BoundedChannelFullMode.DropOldest });
    private readonly ConcurrentDictionary<(string, int), Sample> _last = new();
    private readonly CancellationTokenSource _stop = new();
    private Task? _writer;

    public HistoryRecorder(Database db, HouseRegistry registry, DashboardOptions options, ILogger<HistoryRecorder> log)
    {
        _db = db;
        _registry = registry;
        _options = options;
        _log = log;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _registry.Changed += OnChanged;
        _writer = Task.Run(WriteLoop);
        return Task.CompletedTask;
    }

    /// <summary>The house's local wall clock as unix seconds: the device's own time when synchronised.</summary>
    public static long LocalSeconds(House house, DashboardOptions options)
    {
        DateTime local = house.State?.LocalTime ?? DateTime.UtcNow.AddMinutes(options.UtcOffsetMinutes);
        return (long)(DateTime.SpecifyKind(local, DateTimeKind.Utc) - DateTime.UnixEpoch).TotalSeconds;
    }

    private void OnChanged(House house)
    {
        if (house.State == null || house.StateReceivedUtc == null)
        {
            return;
        }

        long t = LocalSeconds(house, _options);
        foreach (ZoneReading zone in house.State.Zones)
        {
            var key = (house.Id, zone.Zone);
            bool due = !_last.TryGetValue(key, out Sample? last)
                || last.Misting != zone.Misting
                || t - last.LocalSeconds >= MinGapSeconds
                || t < last.LocalSeconds;
            if (!due)
            {
                continue;
            }

            double? band = double.TryParse(house.ZoneValue(zone.Zone, "band"), System.Globalization.NumberStyles.Float,
                System.Globalization.CultureInfo.InvariantCulture, out double b) ? b : null;
            var sample = new Sample(t, zone.RhPct, house.Air(zone.Zone).TempC, zone.TargetRh, band, zone.Misting);
            _last[key] = sample;
            _queue.Writer.TryWrite((house.Id, zone.Zone, sample));
        }
    }

    private async Task WriteLoop()
    {
        var batch = new List<(string, int, Sample)>();
        long written = 0;
        DateTime lastPrune = DateTime.UtcNow;
        try
        {
            while (await _queue.Reader.WaitToReadAsync(_stop.Token).ConfigureAwait(false))
            {
                await Task.Delay(250, _stop.Token).ConfigureAwait(false);
                Flush(batch, ref written, ref lastPrune);
            }
        }
        catch (OperationCanceledException)
        {
            Flush(batch, ref written, ref lastPrune);
        }
    }

    private void Flush(List<(string, int, Sample)> batch, ref long written, ref DateTime lastPrune)
    {
        batch.Clear();
        while (_queue.Reader.TryRead(out var row))
        {
            batch.Add(row);
        }

        try
        {
            _db.AddSamples(batch);
            written += batch.Count;
            if (written >= 5000 || DateTime.UtcNow - lastPrune > TimeSpan.FromMinutes(10))
            {
                _db.PruneHistory(_options.HistoryHours, _options.HistoryMaxRowsPerZone);
                written = 0;
                lastPrune = DateTime.UtcNow;
            }
        }
        catch (Exception e)
        {
            _log.LogError("history not written: {Error}", e.Message);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _registry.Changed -= OnChanged;
        _stop.Cancel();
        if (_writer != null)
        {
            await _writer.ConfigureAwait(false);
        }
    }
}
