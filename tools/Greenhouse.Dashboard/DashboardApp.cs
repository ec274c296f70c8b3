using System.Security.Claims;
using System.Threading.RateLimiting;
using Greenhouse.Dashboard.Commands;
using Greenhouse.Dashboard.Data;
using Greenhouse.Dashboard.Demo;
using Greenhouse.Dashboard.Houses;
using Greenhouse.Dashboard.Mqtt;
using Greenhouse.Dashboard.Security;
using Greenhouse.Dashboard.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;

namespace Greenhouse.Dashboard;

/// <summary>A login the demo prints (and the tests use).</summary>
public sealed record DemoLogin(string User, string Password, string Role, IReadOnlyList<string> Houses);

/// <summary>
/// The running dashboard: the web app, its MQTT session and, with <c>--demo</c>, the embedded broker and simulated
/// houses. <see cref="StartAsync"/> is what Program.cs and the tests call.
/// </summary>
public sealed class DashboardApp : IAsyncDisposable
{
    private readonly WebApplication _web;
    private readonly DemoHouses? _demo;
    private readonly string? _tempFolder;

    private DashboardApp(WebApplication web, DemoHouses? demo, string? tempFolder, string url, string? adminPassword, IReadOnlyList<DemoLogin> logins)
    {
        _web = web;
        _demo = demo;
        _tempFolder = tempFolder;
        Url = url;
        FirstAdminPassword = adminPassword;
        DemoLogins = logins;
    }

    /// <summary>The first address Kestrel listens on, e.g. http://127.0.0.1:5080.</summary>
    public string Url { get; }

    /// <summary>The one-time password of the first admin when this start created it (printed once), else null.</summary>
    public string? FirstAdminPassword { get; }

    public IReadOnlyList<DemoLogin> DemoLogins { get; }

    public DemoHouses? Demo => _demo;

    public IServiceProvider Services => _web.Services;

    public Task WaitForShutdownAsync() => _web.WaitForShutdownAsync();

    public static async Task<DashboardApp> StartAsync(DashboardOptions options, TextWriter output)
    {
        DemoHouses? demo = null;
        string? temp = null;
        if (options.Demo)
        {
            temp = Path.Combine(Path.GetTempPath(), "greenhouse-dashboard-demo-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            options.DataFolder = temp;
            demo = await DemoHouses.StartAsync(options.DemoHouses, options.DemoSpeed, options.Mqtt.Prefix).ConfigureAwait(false);
            options.Mqtt.Host = "127.0.0.1";
            options.Mqtt.Port = demo.BrokerPort;
            options.Mqtt.User = null;
            options.Mqtt.Password = null;
            options.Mqtt.Tls = false;
        }

        Directory.CreateDirectory(options.DataFolder);
        WebApplicationBuilder builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = Array.Empty<string>(), ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls(options.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Greenhouse", LogLevel.Information);
        // The cookie keys sit in the data folder, readable only by the service account (see README).
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);

        var db = new Database(Path.Combine(options.DataFolder, "dashboard.db"));
        var registry = new HouseRegistry(options.Mqtt.Prefix);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(options.Mqtt);
        builder.Services.AddSingleton(db);
        builder.Services.AddSingleton(registry);
        builder.Services.AddSingleton<Accounts>();
        builder.Services.AddSingleton<LoginThrottle>();
        builder.Services.AddSingleton<BrokerClient>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<BrokerClient>());
        builder.Services.AddSingleton<HistoryRecorder>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<HistoryRecorder>());
        builder.Services.AddSingleton<CommandService>();
        builder.Services.AddSingleton<LiveUpdates>();
        if (demo != null)
        {
            builder.Services.AddSingleton(demo);
        }

        builder.Services.AddDataProtection()
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(options.DataFolder, "keys")))
            .SetApplicationName("greenhouse-dashboard");
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.LoginPath = "/login";
            o.Cookie.Name = "gh_session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromDays(30);
            o.SlidingExpiration = true;
        });
        builder.Services.AddAuthorization();
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "gh_af";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.FormFieldName = "__RequestVerificationToken";
        });
        builder.Services.AddRateLimiter(o =>
        {
            // Per user: a grower tapping "send" repeatedly cannot flood a house with commands.
            o.AddPolicy(Endpoints.CommandPolicy, ctx => RateLimitPartition.GetFixedWindowLimiter(
                ctx.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "ip:" + ctx.Connection.RemoteIpAddress,
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.CommandsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            // Per address, a blunt cap on login posts (per account, LoginThrottle counts the wrong passwords).
            o.AddPolicy(Endpoints.LoginPolicy, ctx => RateLimitPartition.GetFixedWindowLimiter(
                "ip:" + ctx.Connection.RemoteIpAddress,
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 100, Window = TimeSpan.FromMinutes(5), QueueLimit = 0 }));
            o.OnRejected = (context, cancel) => new ValueTask(Endpoints.RateLimitedAsync(context.HttpContext));
        });

        // Behind a TLS reverse proxy on this machine (README): the client's address and https come from its headers.
        // Only loopback proxies are believed (the defaults of ForwardedHeadersOptions).
        builder.Services.Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);

        WebApplication web = builder.Build();
        web.UseForwardedHeaders();
        web.Use(async (ctx, next) =>
        {
            ctx.Response.Headers["X-Content-Type-Options"] = "nosniff";
            ctx.Response.Headers["X-Frame-Options"] = "DENY";
            ctx.Response.Headers["Referrer-Policy"] = "same-origin";
            ctx.Response.Headers["Content-Security-Policy"] = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'";
            await next();
        });
        web.UseAuthentication();
        web.UseAuthorization();
        web.UseRateLimiter();
        Endpoints.Map(web);

        var accounts = web.Services.GetRequiredService<Accounts>();
        string? adminPassword = accounts.EnsureFirstAdmin();
        var logins = new List<DemoLogin>();
        if (demo != null)
        {
            logins.AddRange(CreateDemoGrowers(accounts, db, demo));
        }

        await web.StartAsync().ConfigureAwait(false);
        string url = web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var app = new DashboardApp(web, demo, temp, url.Replace("[::]", "localhost").Replace("0.0.0.0", "localhost"), adminPassword, logins);
        app.PrintWelcome(output, options);
        return app;
    }

    private static IEnumerable<DemoLogin> CreateDemoGrowers(Accounts accounts, Database db, DemoHouses demo)
    {
        // Two growers with two houses each, so "a grower sees only their houses" can be tried at once.
        var ids = demo.Houses.Select(h => h.Id).ToList();
        var groups = new[] { ids.Take((ids.Count + 1) / 2).ToList(), ids.Skip((ids.Count + 1) / 2).ToList() };
        string[] names = { "1号棚", "2号棚", "3号棚", "4号棚" };
        for (int i = 0; i < ids.Count && i < names.Length; i++)
        {
            db.SetHouseName(ids[i], names[i]);
        }

        for (int g = 0; g < groups.Length; g++)
        {
            if (groups[g].Count == 0)
            {
                continue;
            }

            string user = "grower" + (g + 1);
            string password = Accounts.NewOneTimePassword();
            accounts.Create(user, password, UserRecord.GrowerRole, mustChange: false);
            UserRecord record = db.FindUser(user)!;
            db.Assign(record.Id, groups[g]);
            yield return new DemoLogin(user, password, UserRecord.GrowerRole, groups[g]);
        }
    }

    private void PrintWelcome(TextWriter output, DashboardOptions options)
    {
        output.WriteLine("dashboard: listening on " + Url);
        if (_demo != null)
        {
            output.WriteLine($"dashboard: demo with {_demo.Houses.Count} simulated houses at {options.DemoSpeed}x real time; embedded MQTT broker on 127.0.0.1:{_demo.BrokerPort}");
            output.WriteLine($"dashboard: watch the houses:  mosquitto_sub -h localhost -p {_demo.BrokerPort} -i watcher -t '{options.Mqtt.Prefix}/#' -v");
            foreach (DemoLogin login in DemoLogins)
            {
                output.WriteLine($"dashboard: demo login  {login.User} / {login.Password}  (houses {string.Join(", ", login.Houses)})");
            }
        }
        else
        {
            output.WriteLine($"dashboard: MQTT broker {options.Mqtt.Host}:{options.Mqtt.Port}{(options.Mqtt.Tls ? " (TLS)" : "")}, prefix {options.Mqtt.Prefix}; data in {Path.GetFullPath(options.DataFolder)}");
        }

        if (FirstAdminPassword != null)
        {
            output.WriteLine($"dashboard: first start: user admin, one-time password {FirstAdminPassword}  (shown only now; change it at the first login)");
        }

        output.Flush();
    }

    public async ValueTask DisposeAsync()
    {
        await _web.StopAsync().ConfigureAwait(false);
        await _web.DisposeAsync().ConfigureAwait(false);
        if (_demo != null)
        {
            await _demo.DisposeAsync().ConfigureAwait(false);
        }

        if (_tempFolder != null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_tempFolder, true);
            }
            catch (IOException)
            {
                // Left for the system's temp cleaning.
            }
        }
    }
}
