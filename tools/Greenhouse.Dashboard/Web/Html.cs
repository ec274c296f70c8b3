using System.Globalization;
using System.Net;
using System.Text;
using Greenhouse.Dashboard.Data;
using Greenhouse.Dashboard.Text;

namespace Greenhouse.Dashboard.Web;

/// <summary>
/// Small HTML helpers: every text goes through <see cref="E"/> (HTML-encoded; Chinese stays readable text), every
/// form carries the anti-forgery token. Pages are plain server-rendered HTML with large touch targets, so they work on
/// a 360 px phone without zooming and without scripts; <c>live.js</c> only swaps in live updates.
/// </summary>
public static class Html
{
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>A URL path segment (device ids may hold characters that need escaping).</summary>
    public static string U(string segment) => Uri.EscapeDataString(segment);

    public static string Num(double? value, int decimals) =>
        value.HasValue && double.IsFinite(value.Value) ? value.Value.ToString("F" + decimals, CultureInfo.InvariantCulture) : "—";

    /// <summary>A POST form with its anti-forgery token.</summary>
    public static string Form(string action, string token, string inner, string cssClass = "") =>
        $"<form method=\"post\" action=\"{E(action)}\" class=\"{cssClass}\"><input type=\"hidden\" name=\"__RequestVerificationToken\" value=\"{E(token)}\">{inner}</form>";

    public static string Notice(string text, string kind) => $"<p class=\"notice {kind}\" role=\"status\">{E(text)}</p>";

    /// <summary>The page around <paramref name="body"/>: header with navigation (when logged in), styles and the live script.</summary>
    public static string Page(TextTable t, string title, string body, UserRecord? user, string token, string path)
    {
        var sb = new StringBuilder();
        sb.Append("<!doctype html><html lang=\"").Append(t.Language == TextTable.Chinese ? "zh-CN" : "en").Append("\"><head><meta charset=\"utf-8\">")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
          .Append("<title>").Append(E(title)).Append(" · ").Append(E(t["app.title"])).Append("</title>")
          .Append("<link rel=\"stylesheet\" href=\"/site.css\"></head><body>");
        sb.Append("<header><a class=\"brand\" href=\"/\">").Append(E(t["app.title"])).Append("</a><nav>");
        if (user != null && !user.MustChangePassword)
        {
            sb.Append("<a href=\"/\">").Append(E(t["nav.houses"])).Append("</a>");
            sb.Append("<a href=\"/log\">").Append(E(t["nav.log"])).Append("</a>");
            if (user.IsAdmin)
            {
                sb.Append("<a href=\"/admin\">").Append(E(t["nav.admin"])).Append("</a>");
            }

            sb.Append("<a href=\"/password\">").Append(E(t["nav.password"])).Append("</a>");
        }

        string other = t.Language == TextTable.Chinese ? TextTable.English : TextTable.Chinese;
        sb.Append(Form("/language", token,
            $"<input type=\"hidden\" name=\"lang\" value=\"{other}\"><input type=\"hidden\" name=\"back\" value=\"{E(path)}\"><button class=\"link\" type=\"submit\">{E(t["nav.other_language"])}</button>",
            "inline"));
        if (user != null)
        {
            sb.Append(Form("/logout", token, $"<button class=\"link\" type=\"submit\">{E(t["nav.logout"])}</button>", "inline"));
        }

        sb.Append("</nav></header>");
        sb.Append("<p id=\"live-lost\" class=\"notice bad\" hidden>").Append(E(t["live.lost"])).Append("</p>");
        sb.Append("<main>").Append(body).Append("</main>");
        sb.Append("<script src=\"/live.js\" defer></script></body></html>");
        return sb.ToString();
    }

    /// <summary>"3 分钟前" / "3 min ago".</summary>
    public static string Ago(TextTable t, DateTime? utc, DateTime nowUtc)
    {
        if (utc == null)
        {
            return t["house.never"];
        }

        TimeSpan age = nowUtc - utc.Value;
        if (age < TimeSpan.Zero)
        {
            age = TimeSpan.Zero;
        }

        return age.TotalSeconds < 60 ? t.Format("unit.seconds_ago", (int)age.TotalSeconds)
            : age.TotalMinutes < 60 ? t.Format("unit.minutes_ago", (int)age.TotalMinutes)
            : age.TotalHours < 48 ? t.Format("unit.hours_ago", (int)age.TotalHours)
            : t.Format("unit.days_ago", (int)age.TotalDays);
    }
}
