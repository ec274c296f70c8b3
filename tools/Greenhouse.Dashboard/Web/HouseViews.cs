using System.Globalization;
using System.Text;
using Greenhouse.Dashboard.Commands;
using Greenhouse.Dashboard.Houses;
using Greenhouse.Dashboard.Text;
using static Greenhouse.Dashboard.Web.Html;

namespace Greenhouse.Dashboard.Web;

/// <summary>The house card (list and house page) and the command forms, rendered in the viewer's language.</summary>
public static class HouseViews
{
    /// <summary>
    /// One house: online/offline and last seen, then per zone humidity, target, temperature, VPD, ears wet, stage,
    /// phase, mode, what it does now and why, water today; active alarms with what to do. The same markup is pushed
    /// by the live updates, so it must not hold anything the viewer typed.
    /// </summary>
    public static string Card(House house, string name, TextTable t, DateTime nowUtc, bool link)
    {
        var sb = new StringBuilder();
        string status = house.Status switch
        {
            HouseStatus.Online => "online",
            HouseStatus.Offline => "offline",
            _ => "unknown",
        };
        HouseState? state = house.State;
        bool tankEmpty = state != null && !state.Tank;
        bool safe = house.Online && state != null && state.Alarms.Count == 0 && !tankEmpty;
        sb.Append($"<section class=\"house {status}\" id=\"house-{E(house.Id)}\" data-house=\"{E(house.Id)}\" data-status=\"{status}\">");
        sb.Append("<div class=\"house-head\"><h2>");
        sb.Append(link ? $"<a href=\"/house/{U(house.Id)}\">{E(name)}</a>" : E(name));
        sb.Append($"</h2><span class=\"pill {status}\">{E(t["house." + status])}</span></div>");
        sb.Append($"<p class=\"meta\">{E(house.Id)} · {E(t["house.last_seen"])} <span class=\"last-seen\">{E(Ago(t, house.LastSeenUtc, nowUtc))}</span></p>");
        if (state == null)
        {
            sb.Append($"<p class=\"muted\">{E(t["house.no_state"])}</p>");
        }
        else
        {
            sb.Append($"<p class=\"safety {(safe ? "ok" : "warn")}\">{E(safe ? t["house.safe"] : t["house.attention"])}</p>");
            foreach (int zone in house.ZoneNumbers)
            {
                Zone(sb, house, zone, t);
            }

            Alarms(sb, state, tankEmpty, t);
        }

        if (link)
        {
            sb.Append($"<a class=\"button open\" href=\"/house/{U(house.Id)}\">{E(t["house.open"])}</a>");
        }

        sb.Append("</section>");
        return sb.ToString();
    }

    private static void Zone(StringBuilder sb, House house, int zone, TextTable t)
    {
        ZoneReading? z = house.Zone(zone);
        var (temp, vpd) = house.Air(zone);
        string? target = house.ZoneValue(zone, "target_rh") ?? (z?.TargetRh is double tr ? tr.ToString("0.#", CultureInfo.InvariantCulture) : null);
        string? stage = house.ZoneValue(zone, "stage") ?? z?.Stage;
        string? mode = house.ZoneValue(zone, "mode") ?? z?.Mode;
        string? action = house.ZoneValue(zone, "action") ?? (z == null ? null : z.Misting ? "humidifying" : "idle");
        string ears = z?.EarsWet switch { true => "ears.wet", false => "ears.dry", _ => "ears.unknown" };
        string? reasonText = z?.Reason;
        string? reason = t.Reason(reasonText) ?? reasonText;

        sb.Append($"<div class=\"zone{(z?.Misting == true ? " misting" : "")}\" data-zone=\"{zone}\">");
        sb.Append($"<h3>{E(t.Format("house.zone", zone))}</h3>");
        sb.Append("<p class=\"big\">");
        sb.Append($"<span class=\"rh\">{E(Num(z?.RhPct, 1))}<small>%</small></span>");
        sb.Append($"<span class=\"target\">{E(t["house.target"])} <b class=\"target-value\" data-target=\"{E(target)}\">{E(target ?? t["value.none"])}</b>%</span>");
        sb.Append("</p><dl class=\"facts\">");
        Fact(sb, t["house.temp"], Num(temp, 1) + " °C", "temp");
        Fact(sb, t["house.vpd"], Num(vpd, 2) + " kPa", "vpd");
        Fact(sb, t["house.ears"], t[ears], "ears " + ears.Substring(5));
        Fact(sb, t["house.stage"], t.Stage(stage), "stage");
        Fact(sb, t["house.phase"], z?.Phase == null ? t["value.unknown"] : t.Phase(z.Phase), "phase");
        Fact(sb, t["house.mode"], t.Mode(mode), "mode");
        Fact(sb, t["house.water_today"], z?.WaterLitresToday is double w ? t.Format("unit.litres", w.ToString("0.0", CultureInfo.InvariantCulture)) : t["value.unknown"], "water");
        sb.Append("</dl>");
        sb.Append($"<p class=\"now\"><b>{E(t["house.now"])}</b> <span class=\"action\">{E(t.Action(action))}</span>");
        if (!string.IsNullOrEmpty(reason))
        {
            sb.Append($" — <span class=\"reason\" title=\"{E(reasonText)}\">{E(reason)}</span>");
        }

        sb.Append("</p></div>");
    }

    private static void Fact(StringBuilder sb, string label, string value, string css) =>
        sb.Append($"<div class=\"fact {css}\"><dt>{E(label)}</dt><dd>{E(value)}</dd></div>");

    private static void Alarms(StringBuilder sb, HouseState state, bool tankEmpty, TextTable t)
    {
        sb.Append($"<div class=\"alarms\"><h3>{E(t["house.alarms"])}</h3>");
        if (state.Alarms.Count == 0 && !tankEmpty)
        {
            sb.Append($"<p class=\"muted\">{E(t["house.no_alarms"])}</p></div>");
            return;
        }

        sb.Append("<ul>");
        foreach (ActiveAlarm alarm in state.Alarms)
        {
            var (meaning, todo) = t.Alarm(alarm.Code);
            string where = alarm.Zone == 0 ? t["alarm.whole_house"] : t.Format("house.zone", alarm.Zone);
            sb.Append($"<li class=\"alarm\" data-code=\"{E(alarm.Code)}\"><b>{E(meaning)}</b> <span class=\"where\">({E(where)})</span><br><span class=\"todo\">{E(todo)}</span></li>");
        }

        if (tankEmpty && state.Alarms.All(a => a.Code != "tank_empty"))
        {
            var (meaning, todo) = t.Alarm("tank_empty");
            sb.Append($"<li class=\"alarm\" data-code=\"tank_empty\"><b>{E(meaning)}</b><br><span class=\"todo\">{E(todo)}</span></li>");
        }

        sb.Append("</ul></div>");
    }

    /// <summary>
    /// Per-zone command forms. Text fields with a numeric keypad (inputmode) and no browser validation (novalidate): the
    /// server validates, with messages in the grower's language rather than the phone's.
    /// </summary>
    public static string Commands(House house, TextTable t, string token, IReadOnlyDictionary<string, (string Error, string Input)> errors)
    {
        var sb = new StringBuilder();
        bool online = house.Online;
        sb.Append($"<fieldset id=\"commands\" class=\"commands\" data-house=\"{E(house.Id)}\"{(online ? "" : " disabled")}>");
        sb.Append($"<p class=\"notice bad offline-note\"{(online ? " hidden" : "")}>{E(t["house.offline_no_commands"])}</p>");
        foreach (int zone in house.ZoneNumbers)
        {
            string Action(string what) => $"/house/{U(house.Id)}/zone/{zone}/{what}";
            string ErrorOf(string what) => errors.TryGetValue(zone + "/" + what, out var e) ? $"<p class=\"field-error\" role=\"alert\">{E(e.Error)}</p>" : "";
            string InputOf(string what, string fallback) => errors.TryGetValue(zone + "/" + what, out var e) ? e.Input : fallback;
            string? stage = house.ZoneValue(zone, "stage") ?? house.Zone(zone)?.Stage;
            string? mode = house.ZoneValue(zone, "mode") ?? house.Zone(zone)?.Mode;
            string target = house.ZoneValue(zone, "target_rh") ?? "";

            sb.Append($"<div class=\"zone-commands\" data-zone=\"{zone}\"><h3>{E(t.Format("house.zone", zone))}</h3>");
            sb.Append(Form(Action("target_rh"), token,
                $"<label>{E(t["cmd.target_label"])}<input type=\"text\" name=\"value\" inputmode=\"decimal\" autocomplete=\"off\" maxlength=\"8\" value=\"{E(InputOf("target_rh", target))}\"></label>"
                + ErrorOf("target_rh") + $"<button type=\"submit\">{E(t["cmd.send"])}</button>", "command target"));
            sb.Append(Form(Action("stage"), token,
                $"<label>{E(t["cmd.stage_title"])}{Select(CommandValidator.Stages, stage, t.Stage)}</label>" + ErrorOf("stage")
                + $"<button type=\"submit\">{E(t["cmd.send"])}</button>", "command stage"));
            sb.Append(Form(Action("mode"), token,
                $"<label>{E(t["cmd.mode_title"])}{Select(CommandValidator.Modes, mode, t.Mode)}</label>" + ErrorOf("mode")
                + $"<button type=\"submit\">{E(t["cmd.send"])}</button>", "command mode"));
            sb.Append(Form(Action("mist"), token,
                $"<label>{E(t["cmd.mist_label"])}<input type=\"text\" name=\"value\" inputmode=\"numeric\" autocomplete=\"off\" maxlength=\"4\" value=\"{E(InputOf("mist", "20"))}\"></label>"
                + ErrorOf("mist") + $"<button type=\"submit\" class=\"mist\">{E(t["cmd.mist_title"])}</button>", "command mist"));
            sb.Append("</div>");
        }

        sb.Append("</fieldset>");
        return sb.ToString().Replace("<form method=\"post\"", "<form novalidate method=\"post\"");
    }

    private static string Select(IReadOnlyList<string> words, string? current, Func<string, string> label)
    {
        var sb = new StringBuilder("<select name=\"value\">");
        foreach (string word in words)
        {
            sb.Append($"<option value=\"{E(word)}\"{(word == current ? " selected" : "")}>{E(label(word))}</option>");
        }

        return sb.Append("</select>").ToString();
    }

    /// <summary>The device's answer to the grower's last command: applied value, refusal text, or why nothing was sent.</summary>
    public static string Outcome(CommandOutcome outcome, TextTable t, int ackTimeoutSeconds)
    {
        string what = t["cmd.what." + outcome.What];
        string zone = t.Format("house.zone", outcome.Zone);
        switch (outcome.Result)
        {
            case CommandOutcome.Applied:
                string shown = outcome.What switch
                {
                    "stage" => t.Stage(outcome.Value),
                    "mode" => t.Mode(outcome.Value),
                    _ => outcome.Value ?? "",
                };
                return $"<div class=\"outcome ok\" role=\"status\" data-result=\"ok\"><p>{E(zone)}: {E(t.Format("cmd.sent_ok", what, shown))}</p></div>";
            case CommandOutcome.Refused:
                string? translated = t.Reason(outcome.Error);
                return $"<div class=\"outcome bad\" role=\"alert\" data-result=\"refused\"><p>{E(zone)}: {E(t.Format("cmd.refused", translated ?? outcome.Error ?? ""))}</p>"
                    + $"<p class=\"device-words\">{E(t["cmd.device_said"])}: <q>{E(outcome.Error)}</q></p></div>";
            case CommandOutcome.NoAnswer:
                return $"<div class=\"outcome bad\" role=\"alert\" data-result=\"timeout\"><p>{E(zone)}: {E(t.Format("cmd.no_answer", ackTimeoutSeconds))}</p></div>";
            case CommandOutcome.Offline:
                return $"<div class=\"outcome bad\" role=\"alert\" data-result=\"offline\"><p>{E(t["cmd.offline"])}</p></div>";
            default:
                return $"<div class=\"outcome bad\" role=\"alert\" data-result=\"not_connected\"><p>{E(t["cmd.not_connected"])}</p></div>";
        }
    }
}
