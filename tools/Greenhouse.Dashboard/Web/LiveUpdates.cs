using System.Text.Json;
using System.Threading.Channels;
using Greenhouse.Dashboard.Houses;

namespace Greenhouse.Dashboard.Web;

/// <summary>
/// Server-sent events (<c>GET /events</c>): each browser gets the re-rendered card of every house it may see when
/// that house changes (at most every 500 ms per house), and all of them every 10 s so "last seen" stays true. The
/// browser never talks MQTT.
/// </summary>
public sealed class LiveUpdates
{
    private static readonly TimeSpan Coalesce = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(10);

    private readonly HouseRegistry _registry;

    public LiveUpdates(HouseRegistry registry)
    {
        _registry = registry;
    }

    /// <summary>Streams until the browser goes away. <paramref name="visible"/> is asked for each house (assignments may change).</summary>
    public async Task StreamAsync(HttpContext context, Func<string, bool> visible, Func<House, string> render, CancellationToken cancel)
    {
        context.Response.Headers.ContentType = "text/event-stream; charset=utf-8";
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers["X-Accel-Buffering"] = "no";
        var changed = Channel.CreateBounded<string>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest });
        void OnChanged(House house) => changed.Writer.TryWrite(house.Id);
        _registry.Changed += OnChanged;
        try
        {
            await context.Response.WriteAsync(": live\n\n", cancel).ConfigureAwait(false);
            await context.Response.Body.FlushAsync(cancel).ConfigureAwait(false);
            DateTime lastFull = DateTime.UtcNow;
            var pending = new HashSet<string>(StringComparer.Ordinal);
            while (!cancel.IsCancellationRequested)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancel);
                wait.CancelAfter(Refresh);
                try
                {
                    pending.Add(await changed.Reader.ReadAsync(wait.Token).ConfigureAwait(false));
                    await Task.Delay(Coalesce, cancel).ConfigureAwait(false);
                    while (changed.Reader.TryRead(out string? more))
                    {
                        pending.Add(more);
                    }
                }
                catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
                {
                    // Quiet for a while: fall through to the periodic refresh.
                }

                if (DateTime.UtcNow - lastFull >= Refresh)
                {
                    lastFull = DateTime.UtcNow;
                    foreach (House h in _registry.Discovered)
                    {
                        pending.Add(h.Id);
                    }
                }

                foreach (string id in pending)
                {
                    House? house = _registry.Find(id);
                    if (house == null || !visible(id))
                    {
                        continue;
                    }

                    string data = JsonSerializer.Serialize(new { id = house.Id, status = house.Status.ToString().ToLowerInvariant(), html = render(house) });
                    await context.Response.WriteAsync("event: house\ndata: " + data + "\n\n", cancel).ConfigureAwait(false);
                }

                pending.Clear();
                await context.Response.Body.FlushAsync(cancel).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The browser left.
        }
        catch (IOException)
        {
            // The connection broke.
        }
        finally
        {
            _registry.Changed -= OnChanged;
        }
    }
}
