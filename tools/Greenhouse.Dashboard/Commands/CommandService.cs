using System.Collections.Concurrent;
using System.Globalization;
using Greenhouse.Dashboard.Data;
using Greenhouse.Dashboard.Houses;
using Greenhouse.Dashboard.Mqtt;
using Greenhouse.Settings;

namespace Greenhouse.Dashboard.Commands;

/// <summary>What became of one command: sent and acknowledged (ok or refused, with the device's words), or not.</summary>
public sealed record CommandOutcome(string HouseId, int Zone, string What, string Topic, string Payload, string Result, string? Value, string? Error)
{
    public const string Applied = "ok";
    public const string Refused = "refused";
    public const string NoAnswer = "timeout";
    public const string Offline = "offline";
    public const string NotConnected = "not_connected";
}

/// <summary>
/// Sends a grower's command to a house over the documented <c>/set</c> topics and waits for the device's ack, the
/// only source of truth shown to the grower. Values reach here validated (<see cref="CommandValidator"/>); an offline
/// device or a dashboard without broker gets nothing. One command per house at a time, so an ack on a topic is
/// the answer to the command just sent. Every command is logged with user and outcome.
/// </summary>
public sealed class CommandService
{
    private readonly BrokerClient _broker;
    private readonly HouseRegistry _registry;
    private readonly Database _db;
    private readonly DashboardOptions _options;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _houseLocks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string House, string Topic), TaskCompletionSource<Ack>> _waiting = new();

    public CommandService(BrokerClient broker, HouseRegistry registry, Database db, DashboardOptions options)
    {
        _broker = broker;
        _registry = registry;
        _db = db;
        _options = options;
        _registry.AckReceived += OnAck;
    }

    private void OnAck(Ack ack)
    {
        if (_waiting.TryRemove((ack.HouseId, ack.Topic), out TaskCompletionSource<Ack>? waiter))
        {
            waiter.TrySetResult(ack);
        }
    }

    /// <summary>Topic of a zone command: <c>&lt;base&gt;/zone/&lt;n&gt;/&lt;what&gt;/set</c>.</summary>
    public string Topic(string houseId, int zone, string what) =>
        _registry.BaseTopic(houseId) + "/zone/" + zone.ToString(CultureInfo.InvariantCulture) + "/" + what + "/set";

    public async Task<CommandOutcome> SendAsync(string user, string houseId, int zone, ValidatedCommand command, CancellationToken cancel)
    {
        string topic = Topic(houseId, zone, command.What);
        CommandOutcome outcome = await SendCoreAsync(houseId, zone, command, topic, cancel).ConfigureAwait(false);
        _db.LogCommand(new CommandRecord(DateTime.UtcNow, user, houseId, topic, command.Payload, outcome.Result, outcome.Error ?? outcome.Value));
        return outcome;
    }

    private async Task<CommandOutcome> SendCoreAsync(string houseId, int zone, ValidatedCommand command, string topic, CancellationToken cancel)
    {
        CommandOutcome Result(string result, string? value = null, string? error = null) =>
            new(houseId, zone, command.What, topic, command.Payload, result, value, error);

        House? house = _registry.Find(houseId);
        if (house == null || !house.Online)
        {
            return Result(CommandOutcome.Offline);
        }

        if (!_broker.Connected)
        {
            return Result(CommandOutcome.NotConnected);
        }

        SemaphoreSlim gate = _houseLocks.GetOrAdd(houseId, _ => new SemaphoreSlim(1, 1));
        TimeSpan timeout = TimeSpan.FromSeconds(_options.AckTimeoutSeconds);
        if (!await gate.WaitAsync(timeout, cancel).ConfigureAwait(false))
        {
            return Result(CommandOutcome.NoAnswer);
        }

        try
        {
            var waiter = new TaskCompletionSource<Ack>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting[(houseId, topic)] = waiter;
            if (!await _broker.PublishCommandAsync(topic, command.Payload, cancel).ConfigureAwait(false))
            {
                _waiting.TryRemove((houseId, topic), out _);
                return Result(CommandOutcome.NotConnected);
            }

            Task done = await Task.WhenAny(waiter.Task, Task.Delay(timeout, cancel)).ConfigureAwait(false);
            _waiting.TryRemove((houseId, topic), out _);
            if (done != waiter.Task)
            {
                return Result(CommandOutcome.NoAnswer);
            }

            Ack ack = waiter.Task.Result;
            return ack.Ok ? Result(CommandOutcome.Applied, value: ack.Value) : Result(CommandOutcome.Refused, error: ack.Error ?? "");
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Recent outcomes, for showing the result after the redirect that follows a form post.</summary>
    public CommandResults Results { get; } = new();
}

/// <summary>Outcomes kept a few minutes under a random id, each visible only to the user who sent the command.</summary>
public sealed class CommandResults
{
    private readonly ConcurrentDictionary<string, (long UserId, CommandOutcome Outcome, DateTime Utc)> _results = new(StringComparer.Ordinal);

    public string Add(long userId, CommandOutcome outcome)
    {
        DateTime now = DateTime.UtcNow;
        foreach (var old in _results.Where(r => now - r.Value.Utc > TimeSpan.FromMinutes(10)).Select(r => r.Key).ToList())
        {
            _results.TryRemove(old, out _);
        }

        string id = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8)).ToLowerInvariant();
        _results[id] = (userId, outcome, now);
        return id;
    }

    public CommandOutcome? Find(long userId, string? id) =>
        id != null && _results.TryGetValue(id, out var r) && r.UserId == userId ? r.Outcome : null;
}
