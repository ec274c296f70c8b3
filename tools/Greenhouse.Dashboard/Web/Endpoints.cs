using System.Globalization;
using System.Security.Claims;
using System.Text;
using Greenhouse.Dashboard.Commands;
using Greenhouse.Dashboard.Data;
using Greenhouse.Dashboard.Demo;
using Greenhouse.Dashboard.Houses;
using Greenhouse.Dashboard.Security;
using Greenhouse.Dashboard.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using static Greenhouse.Dashboard.Web.Html;

namespace Greenhouse.Dashboard.Web;

/// <summary>
/// The pages and form posts. Every POST checks the anti-forgery token first; every house URL checks that the user
/// may see that house (a grower gets "not found" for anyone else's, whether by link or typed URL); commands are
/// rate-limited per user.
/// </summary>
public static class Endpoints
{
    public const string CommandPolicy = "commands";
    public const string LoginPolicy = "login";
    private const string LanguageCookie = "gh_lang";
    private static readonly string[] CommandWords = { "target_rh", "stage", "mode", "mist" };

    public static void Map(WebApplication app)
    {
        app.MapGet("/site.css", () => Asset("site.css", "text/css; charset=utf-8"));
        app.MapGet("/live.js", () => Asset("live.js", "text/javascript; charset=utf-8"));

        app.MapGet("/login", LoginPage);
        app.MapPost("/login", D(Login)).RequireRateLimiting(LoginPolicy);
        app.MapPost("/logout", D(Logout));
        app.MapPost("/language", D(Language));
        app.MapGet("/password", D(PasswordPage));
        app.MapPost("/password", D(ChangePassword));

        app.MapGet("/", D(HouseList));
        app.MapGet("/house/{id}", HousePage);
        app.MapGet("/house/{id}/charts", Charts);
        app.MapPost("/house/{id}/zone/{zone:int}/{what}", Command).RequireRateLimiting(CommandPolicy);
        app.MapPost("/house/{id}/zone/{zone:int}/mist/confirm", ConfirmMist).RequireRateLimiting(CommandPolicy);
        app.MapGet("/events", Events);
        app.MapGet("/log", D(CommandLog));

        AdminPages.Map(app);
    }

    // ---- plumbing ----

    /// <summary>A handler taking only the context, as a Delegate: otherwise it binds as a RequestDelegate and its result is dropped.</summary>
    public static Delegate D(Func<HttpContext, Task<IResult>> handler) => handler;

    /// <summary>Who is logged in, read again from the database on every request (a removed user is out at once).</summary>
    public static async Task<UserRecord?> CurrentUser(HttpContext ctx)
    {
        string? id = ctx.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id == null || !long.TryParse(id, out long userId))
        {
            return null;
        }

        UserRecord? user = ctx.RequestServices.GetRequiredService<Database>().FindUser(userId);
        if (user == null)
        {
            await ctx.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }

        return user;
    }

    public static TextTable Text(HttpContext ctx, UserRecord? user) =>
        TextTable.For(user?.Language ?? ctx.Request.Cookies[LanguageCookie]);

    public static string Token(HttpContext ctx) => ctx.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(ctx).RequestToken!;

    public static IResult PageResult(HttpContext ctx, TextTable t, UserRecord? user, string title, string body, int status = 200)
    {
        // The language switch returns to this page; a page answering a form post returns to the start instead.
        string back = HttpMethods.IsGet(ctx.Request.Method) ? ctx.Request.Path + ctx.Request.QueryString : "/";
        if (user != null && !ctx.RequestServices.GetRequiredService<Mqtt.BrokerClient>().Connected)
        {
            body = Notice(t["mqtt.down"], "bad") + body;
        }

        return Results.Content(Page(t, title, body, user, Token(ctx), back), "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    /// <summary>Runs <paramref name="page"/> for a logged-in user who has no pending password change; redirects otherwise.</summary>
    public static async Task<IResult> Authed(HttpContext ctx, Func<UserRecord, TextTable, Task<IResult>> page)
    {
        UserRecord? user = await CurrentUser(ctx);
        if (user == null)
        {
            return Results.Redirect("/login?back=" + Uri.EscapeDataString(ctx.Request.Path + ctx.Request.QueryString));
        }

        if (user.MustChangePassword && ctx.Request.Path != "/password")
        {
            return Results.Redirect("/password");
        }

        return await page(user, Text(ctx, user));
    }

    /// <summary>True when the form's anti-forgery token is valid; false answers 400 with a message.</summary>
    public static async Task<bool> ValidForm(HttpContext ctx)
    {
        try
        {
            await ctx.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(ctx);
            return true;
        }
        catch (AntiforgeryValidationException)
        {
            return false;
        }
    }

    public static IResult BadForm(HttpContext ctx, UserRecord? user)
    {
        TextTable t = Text(ctx, user);
        return PageResult(ctx, t, user, t["cmd.bad_form"], Notice(t["cmd.bad_form"], "bad"), 400);
    }

    public static async Task RateLimitedAsync(HttpContext ctx)
    {
        UserRecord? user = await CurrentUser(ctx);
        TextTable t = Text(ctx, user);
        string key = ctx.Request.Path.StartsWithSegments("/login") ? "login.too_many" : "cmd.rate_limited";
        ctx.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        ctx.Response.ContentType = "text/html; charset=utf-8";
        await ctx.Response.WriteAsync(Page(t, t[key], Notice(t[key], "bad") + $"<p><a class=\"button secondary\" href=\"/\">{E(t["nav.houses"])}</a></p>",
            user, Token(ctx), "/"));
    }

    private static IResult Asset(string name, string type)
    {
        using Stream stream = typeof(Endpoints).Assembly.GetManifestResourceStream("Greenhouse.Dashboard.Assets." + name)!;
        using var reader = new StreamReader(stream);
        return Results.Text(reader.ReadToEnd(), type);
    }

    private static string LocalPath(string? back) =>
        back != null && back.StartsWith('/') && !back.StartsWith("//", StringComparison.Ordinal) && !back.StartsWith("/\\", StringComparison.Ordinal) ? back : "/";

    public static string HouseName(HttpContext ctx, string id) =>
        ctx.RequestServices.GetRequiredService<Database>().HouseNames().TryGetValue(id, out string? name) ? name : id;

    private static bool MaySee(HttpContext ctx, UserRecord user, string id) => ctx.RequestServices.GetRequiredService<Accounts>().MaySee(user, id);

    private static IResult NotFound(HttpContext ctx, UserRecord user, TextTable t) =>
        PageResult(ctx, t, user, t["house.not_found"], Notice(t["house.not_found"], "bad") + $"<p><a class=\"button secondary\" href=\"/\">{E(t["house.back"])}</a></p>", 404);

    // ---- login, password, language ----

    private static async Task<IResult> LoginPage(HttpContext ctx, string? back)
    {
        UserRecord? user = await CurrentUser(ctx);
        if (user != null)
        {
            return Results.Redirect("/");
        }

        return LoginForm(ctx, Text(ctx, null), back, null, 200);
    }

    private static IResult LoginForm(HttpContext ctx, TextTable t, string? back, string? error, int status)
    {
        string body = $"<h1>{E(t["login.title"])}</h1>" + (error == null ? "" : Notice(error, "bad"))
            + Form("/login", Token(ctx),
                $"<input type=\"hidden\" name=\"back\" value=\"{E(LocalPath(back))}\">"
                + $"<label>{E(t["login.user"])}<input type=\"text\" name=\"user\" autocomplete=\"username\" autocapitalize=\"none\" required></label>"
                + $"<label>{E(t["login.password"])}<input type=\"password\" name=\"password\" autocomplete=\"current-password\" required></label>"
                + $"<button type=\"submit\">{E(t["login.submit"])}</button>", "stack");
        return PageResult(ctx, t, null, t["login.title"], body, status);
    }

    private static async Task<IResult> Login(HttpContext ctx)
    {
        TextTable t = Text(ctx, null);
        if (!await ValidForm(ctx))
        {
            return BadForm(ctx, null);
        }

        IFormCollection form = await ctx.Request.ReadFormAsync();
        string name = form["user"].ToString().Trim();
        string password = form["password"].ToString();
        string back = LocalPath(form["back"].ToString());
        var throttle = ctx.RequestServices.GetRequiredService<LoginThrottle>();
        if (throttle.Blocked(name, DateTime.UtcNow))
        {
            return LoginForm(ctx, t, back, t["login.too_many"], 429);
        }

        UserRecord? user = password.Length is > 0 and <= Accounts.MaxPasswordLength
            ? ctx.RequestServices.GetRequiredService<Accounts>().Verify(name, password)
            : null;
        if (user == null)
        {
            throttle.Failed(name, DateTime.UtcNow);
            return LoginForm(ctx, t, back, t["login.failed"], 401);
        }

        throttle.Succeeded(name);

        var identity = new ClaimsIdentity(new[]
        {
            new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture)),
            new Claim(ClaimTypes.Name, user.Name),
        }, CookieAuthenticationDefaults.AuthenticationScheme);
        await ctx.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return Results.Redirect(user.MustChangePassword ? "/password" : back, false, false);
    }

    private static async Task<IResult> Logout(HttpContext ctx)
    {
        if (!await ValidForm(ctx))
        {
            return BadForm(ctx, await CurrentUser(ctx));
        }

        await ctx.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.Redirect("/login");
    }

    private static async Task<IResult> Language(HttpContext ctx)
    {
        UserRecord? user = await CurrentUser(ctx);
        if (!await ValidForm(ctx))
        {
            return BadForm(ctx, user);
        }

        IFormCollection form = await ctx.Request.ReadFormAsync();
        string language = TextTable.Normalise(form["lang"].ToString());
        ctx.Response.Cookies.Append(LanguageCookie, language, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, MaxAge = TimeSpan.FromDays(365) });
        if (user != null)
        {
            ctx.RequestServices.GetRequiredService<Database>().SetLanguage(user.Id, language);
        }

        return Results.Redirect(LocalPath(form["back"].ToString()));
    }

    private static Task<IResult> PasswordPage(HttpContext ctx) => Authed(ctx, (user, t) => Task.FromResult(PasswordForm(ctx, user, t, null, null, 200)));

    private static IResult PasswordForm(HttpContext ctx, UserRecord user, TextTable t, string? error, string? ok, int status)
    {
        string body = $"<h1>{E(t["password.title"])}</h1>"
            + (user.MustChangePassword ? Notice(t["password.must_change"], "bad") : "")
            + (error == null ? "" : Notice(error, "bad")) + (ok == null ? "" : Notice(ok, "ok"))
            + Form("/password", Token(ctx),
                $"<label>{E(t["password.current"])}<input type=\"password\" name=\"current\" autocomplete=\"current-password\"></label>"
                + $"<label>{E(t["password.new"])}<input type=\"password\" name=\"new\" autocomplete=\"new-password\"></label>"
                + $"<label>{E(t["password.repeat"])}<input type=\"password\" name=\"repeat\" autocomplete=\"new-password\"></label>"
                + $"<button type=\"submit\">{E(t["password.submit"])}</button>", "stack");
        return PageResult(ctx, t, user, t["password.title"], body, status);
    }

    private static Task<IResult> ChangePassword(HttpContext ctx) => Authed(ctx, async (user, t) =>
    {
        if (!await ValidForm(ctx))
        {
            return BadForm(ctx, user);
        }

        IFormCollection form = await ctx.Request.ReadFormAsync();
        string current = form["current"].ToString();
        string fresh = form["new"].ToString();
        var accounts = ctx.RequestServices.GetRequiredService<Accounts>();
        string? error = current.Length > Accounts.MaxPasswordLength || accounts.Verify(user.Name, current) == null ? t["password.wrong_current"]
            : fresh.Length < Accounts.MinPasswordLength ? t["password.too_short"]
            : fresh.Length > Accounts.MaxPasswordLength ? t["password.too_long"]
            : fresh != form["repeat"].ToString() ? t["password.mismatch"]
            : null;
        if (error != null)
        {
            return PasswordForm(ctx, user, t, error, null, 422);
        }

        accounts.SetPassword(user, fresh, mustChange: false);
        UserRecord updated = ctx.RequestServices.GetRequiredService<Database>().FindUser(user.Id)!;
        return PasswordForm(ctx, updated, t, null, t["password.changed"], 200);
    });

    // ---- houses ----

    private static Task<IResult> HouseList(HttpContext ctx) => Authed(ctx, (user, t) =>
    {
        var registry = ctx.RequestServices.GetRequiredService<HouseRegistry>();
        var accounts = ctx.RequestServices.GetRequiredService<Accounts>();
        var names = ctx.RequestServices.GetRequiredService<Database>().HouseNames();
        IReadOnlySet<string>? visible = accounts.VisibleHouses(user);
        var houses = registry.Discovered.Where(h => visible == null || visible.Contains(h.Id))
            .OrderBy(h => names.TryGetValue(h.Id, out string? n) ? n : h.Id, StringComparer.Ordinal).ToList();
        var sb = new StringBuilder($"<h1>{E(t["houses.title"])}</h1>");
        if (houses.Count == 0)
        {
            sb.Append($"<p class=\"muted\">{E(user.IsAdmin ? t["houses.none_admin"] : t["houses.none"])}</p>");
        }

        DateTime now = DateTime.UtcNow;
        foreach (House house in houses)
        {
            sb.Append(HouseViews.Card(house, names.TryGetValue(house.Id, out string? n) ? n : house.Id, t, now, link: true));
        }

        return Task.FromResult(PageResult(ctx, t, user, t["houses.title"], sb.ToString()));
    });

    private static Task<IResult> HousePage(HttpContext ctx, string id, string? r) => Authed(ctx, (user, t) =>
        Task.FromResult(RenderHouse(ctx, user, t, id, ctx.RequestServices.GetRequiredService<CommandService>().Results.Find(user.Id, r), null, 200)));

    /// <summary>The house page: the command's outcome (if any), the live card, the command forms and the charts.</summary>
    public static IResult RenderHouse(HttpContext ctx, UserRecord user, TextTable t, string id, CommandOutcome? outcome,
        IReadOnlyDictionary<string, (string Error, string Input)>? errors, int status)
    {
        House? house = ctx.RequestServices.GetRequiredService<HouseRegistry>().Find(id);
        if (house == null || !MaySee(ctx, user, id))
        {
            return NotFound(ctx, user, t);
        }

        var options = ctx.RequestServices.GetRequiredService<DashboardOptions>();
        string name = HouseName(ctx, id);
        var sb = new StringBuilder();
        sb.Append($"<p><a href=\"/\">← {E(t["house.back"])}</a></p>");
        sb.Append("<div id=\"result\">");
        if (outcome != null)
        {
            sb.Append(HouseViews.Outcome(outcome, t, options.AckTimeoutSeconds));
        }

        sb.Append("</div>");
        sb.Append(HouseViews.Card(house, name, t, DateTime.UtcNow, link: false));
        sb.Append(HouseViews.Commands(house, t, Token(ctx), errors ?? new Dictionary<string, (string, string)>()));
        sb.Append($"<div id=\"charts\" data-src=\"/house/{U(id)}/charts\">").Append(ChartsHtml(ctx, house, t)).Append("</div>");
        return PageResult(ctx, t, user, name, sb.ToString(), status);
    }

    private static string ChartsHtml(HttpContext ctx, House house, TextTable t)
    {
        var db = ctx.RequestServices.GetRequiredService<Database>();
        var options = ctx.RequestServices.GetRequiredService<DashboardOptions>();
        var sb = new StringBuilder();
        foreach (int zone in house.ZoneNumbers)
        {
            long end = db.NewestSample(house.Id, zone) ?? Data.HistoryRecorder.LocalSeconds(house, options);
            sb.Append(Chart.Render(db.Samples(house.Id, zone, end - 24 * 3600), end, t, t.Format("house.zone", zone)));
        }

        return sb.ToString();
    }

    private static Task<IResult> Charts(HttpContext ctx, string id) => Authed(ctx, (user, t) =>
    {
        House? house = ctx.RequestServices.GetRequiredService<HouseRegistry>().Find(id);
        if (house == null || !MaySee(ctx, user, id))
        {
            return Task.FromResult(NotFound(ctx, user, t));
        }

        return Task.FromResult(Results.Content(ChartsHtml(ctx, house, t), "text/html; charset=utf-8"));
    });

    // ---- commands ----

    private static Task<IResult> Command(HttpContext ctx, string id, int zone, string what) => Authed(ctx, async (user, t) =>
    {
        if (!await ValidForm(ctx))
        {
            return BadForm(ctx, user);
        }

        House? house = ctx.RequestServices.GetRequiredService<HouseRegistry>().Find(id);
        if (house == null || !MaySee(ctx, user, id) || Array.IndexOf(CommandWords, what) < 0)
        {
            return NotFound(ctx, user, t);
        }

        IFormCollection form = await ctx.Request.ReadFormAsync();
        string input = form["value"].ToString();
        if (!house.ZoneNumbers.Contains(zone))
        {
            return RenderHouse(ctx, user, t, id, null, new Dictionary<string, (string, string)> { [house.ZoneNumbers[0] + "/" + what] = (t["cmd.bad_zone"], input) }, 422);
        }

        if (!CommandValidator.TryValidate(what, input, t, out ValidatedCommand? command, out string? error))
        {
            return RenderHouse(ctx, user, t, id, null, new Dictionary<string, (string, string)> { [zone + "/" + what] = (error!, input) }, 422);
        }

        if (what == "mist")
        {
            return MistConfirmation(ctx, user, t, house, zone, command!);
        }

        return await Send(ctx, user, id, zone, command!);
    });

    private static async Task<IResult> Send(HttpContext ctx, UserRecord user, string id, int zone, ValidatedCommand command)
    {
        var commands = ctx.RequestServices.GetRequiredService<CommandService>();
        CommandOutcome outcome = await commands.SendAsync(user.Name, id, zone, command, ctx.RequestAborted);
        string result = commands.Results.Add(user.Id, outcome);
        return Results.Redirect($"/house/{U(id)}?r={result}#result");
    }

    /// <summary>Mist-now asks before it sends: how many seconds, in which house and zone.</summary>
    private static IResult MistConfirmation(HttpContext ctx, UserRecord user, TextTable t, House house, int zone, ValidatedCommand command)
    {
        string name = HouseName(ctx, house.Id);
        string body = $"<h1>{E(t["cmd.mist_confirm_title"])}</h1>"
            + (house.Online ? "" : Notice(t["house.offline_no_commands"], "bad"))
            + $"<p class=\"confirm\">{E(t.Format("cmd.mist_confirm", name, t.Format("house.zone", zone), command.Payload))}</p>"
            + Form($"/house/{U(house.Id)}/zone/{zone}/mist/confirm", Token(ctx),
                $"<input type=\"hidden\" name=\"value\" value=\"{E(command.Payload)}\"><button type=\"submit\" class=\"mist\">{E(t["cmd.mist_yes"])}</button>", "stack")
            + $"<p><a class=\"button secondary\" href=\"/house/{U(house.Id)}\">{E(t["cmd.cancel"])}</a></p>";
        return PageResult(ctx, t, user, t["cmd.mist_confirm_title"], body);
    }

    private static Task<IResult> ConfirmMist(HttpContext ctx, string id, int zone) => Authed(ctx, async (user, t) =>
    {
        if (!await ValidForm(ctx))
        {
            return BadForm(ctx, user);
        }

        House? house = ctx.RequestServices.GetRequiredService<HouseRegistry>().Find(id);
        if (house == null || !MaySee(ctx, user, id))
        {
            return NotFound(ctx, user, t);
        }

        IFormCollection form = await ctx.Request.ReadFormAsync();
        string input = form["value"].ToString();
        ValidatedCommand? command = null;
        string? error = null;
        if (!house.ZoneNumbers.Contains(zone) || !CommandValidator.TryValidate("mist", input, t, out command, out error))
        {
            int shown = house.ZoneNumbers.Contains(zone) ? zone : house.ZoneNumbers[0];
            return RenderHouse(ctx, user, t, id, null, new Dictionary<string, (string, string)> { [shown + "/mist"] = (error ?? t["cmd.bad_zone"], input) }, 422);
        }

        return await Send(ctx, user, id, zone, command!);
    });

    // ---- live updates, log ----

    private static async Task Events(HttpContext ctx, string? house)
    {
        UserRecord? user = await CurrentUser(ctx);
        if (user == null || user.MustChangePassword)
        {
            ctx.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        TextTable t = Text(ctx, user);
        var accounts = ctx.RequestServices.GetRequiredService<Accounts>();
        var db = ctx.RequestServices.GetRequiredService<Database>();
        var live = ctx.RequestServices.GetRequiredService<LiveUpdates>();
        IReadOnlySet<string>? visible = accounts.VisibleHouses(user);
        DateTime checkedAt = DateTime.UtcNow;
        bool Visible(string id)
        {
            if (DateTime.UtcNow - checkedAt > TimeSpan.FromSeconds(30))
            {
                // Assignments may change while a phone keeps the page open.
                UserRecord? again = db.FindUser(user.Id);
                visible = again == null ? new HashSet<string>() : accounts.VisibleHouses(again);
                checkedAt = DateTime.UtcNow;
            }

            return (house == null || house == id) && (visible == null || visible.Contains(id));
        }

        var names = db.HouseNames();
        // Ends with the browser, or when the dashboard stops (open phones must not hold up a restart).
        using var end = CancellationTokenSource.CreateLinkedTokenSource(ctx.RequestAborted,
            ctx.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
        await live.StreamAsync(ctx, Visible, h => HouseViews.Card(h, names.TryGetValue(h.Id, out string? n) ? n : h.Id, t, DateTime.UtcNow, link: house == null),
            end.Token);
    }

    private static Task<IResult> CommandLog(HttpContext ctx) => Authed(ctx, (user, t) =>
    {
        var db = ctx.RequestServices.GetRequiredService<Database>();
        IReadOnlySet<string>? visible = ctx.RequestServices.GetRequiredService<Accounts>().VisibleHouses(user);
        var rows = db.Commands(200, visible);
        var names = db.HouseNames();
        var options = ctx.RequestServices.GetRequiredService<DashboardOptions>();
        var sb = new StringBuilder($"<h1>{E(t["log.title"])}</h1>");
        if (rows.Count == 0)
        {
            sb.Append($"<p class=\"muted\">{E(t["log.empty"])}</p>");
        }
        else
        {
            sb.Append($"<div class=\"table-wrap\"><table class=\"log\"><thead><tr><th>{E(t["log.time"])}</th><th>{E(t["log.user"])}</th><th>{E(t["log.house"])}</th>"
                + $"<th>{E(t["log.command"])}</th><th>{E(t["log.result"])}</th></tr></thead><tbody>");
            foreach (CommandRecord row in rows)
            {
                string time = row.TimeUtc.AddMinutes(options.UtcOffsetMinutes).ToString("MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
                string command = row.Topic.Substring(row.Topic.IndexOf("/zone/", StringComparison.Ordinal) + 1) + " = " + row.Payload;
                sb.Append($"<tr><td>{E(time)}</td><td>{E(row.User)}</td><td>{E(names.TryGetValue(row.HouseId, out string? n) ? n : row.HouseId)}</td>"
                    + $"<td>{E(command)}</td><td class=\"result {E(row.Result)}\">{E(t["log." + row.Result])}{(row.Detail == null ? "" : ": " + E(row.Detail))}</td></tr>");
            }

            sb.Append("</tbody></table></div>");
        }

        return Task.FromResult(PageResult(ctx, t, user, t["log.title"], sb.ToString()));
    });
}
