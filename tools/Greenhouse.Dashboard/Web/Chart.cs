using System.Globalization;
using System.Text;
using Greenhouse.Dashboard.Data;
using Greenhouse.Dashboard.Text;
using static Greenhouse.Dashboard.Web.Html;

namespace Greenhouse.Dashboard.Web;

/// <summary>
/// The 24-hour chart of one zone as inline SVG (no script, no outside library): humidity and temperature lines, the
/// target band (target ± band) and the mist pulses as a strip along the bottom, on the house's local clock.
/// </summary>
public static class Chart
{
    private const int Width = 720;
    private const int Height = 280;
    private const int Left = 52;
    private const int Right = 48;
    private const int Top = 12;
    private const int PlotBottom = 224;
    private const int MistTop = 232;
    private const int MistBottom = 248;
    // Labels this size stay readable when the 720-unit drawing is shrunk to a 360 px phone.
    private const int FontSize = 20;
    private const double RhMin = 40;
    private const double RhMax = 100;
    private const int MaxPoints = 720;

    public static string Render(IReadOnlyList<Sample> samples, long endLocalSeconds, TextTable t, string zoneLabel)
    {
        long start = endLocalSeconds - 24 * 3600;
        var sb = new StringBuilder();
        sb.Append($"<figure class=\"chart\"><figcaption>{E(zoneLabel)} · {E(t["house.chart_title"])}</figcaption>");
        if (samples.Count == 0)
        {
            sb.Append($"<p class=\"muted\">{E(t["house.chart_empty"])}</p></figure>");
            return sb.ToString();
        }

        var points = Downsample(samples.Where(s => s.LocalSeconds >= start).ToList(), start, endLocalSeconds);
        double tMin = Math.Floor(Math.Min(0, points.Where(p => p.TempC.HasValue).Select(p => p.TempC!.Value).DefaultIfEmpty(0).Min()) / 10) * 10;
        double tMax = Math.Ceiling(Math.Max(40, points.Where(p => p.TempC.HasValue).Select(p => p.TempC!.Value).DefaultIfEmpty(40).Max()) / 10) * 10;
        double X(long s) => Left + (double)(s - start) / (24 * 3600) * (Width - Left - Right);
        double YRh(double rh) => PlotBottom - (Math.Clamp(rh, RhMin, RhMax) - RhMin) / (RhMax - RhMin) * (PlotBottom - Top);
        double YT(double c) => PlotBottom - (Math.Clamp(c, tMin, tMax) - tMin) / (tMax - tMin) * (PlotBottom - Top);
        string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

        sb.Append($"<svg viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{E(zoneLabel + " " + t["house.chart_title"])}\">");
        // Grid and axes: RH 40..100 % on the left, temperature on the right, a label every 6 hours.
        for (double rh = RhMin; rh <= RhMax; rh += 20)
        {
            sb.Append($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{F(YRh(rh))}\" y2=\"{F(YRh(rh))}\" stroke=\"#ddd\" stroke-width=\"1\"/>");
            sb.Append($"<text x=\"{Left - 4}\" y=\"{F(YRh(rh) + 7)}\" text-anchor=\"end\" font-size=\"{FontSize}\" fill=\"#1565c0\">{F(rh)}</text>");
        }

        for (double c = tMin; c <= tMax; c += 10)
        {
            sb.Append($"<text x=\"{Width - Right + 4}\" y=\"{F(YT(c) + 7)}\" font-size=\"{FontSize}\" fill=\"#e65100\">{F(c)}</text>");
        }

        long firstTick = (start / 21600 + 1) * 21600;
        for (long tick = firstTick; tick <= endLocalSeconds; tick += 21600)
        {
            string label = DateTime.UnixEpoch.AddSeconds(tick).ToString("HH:mm", CultureInfo.InvariantCulture);
            sb.Append($"<line x1=\"{F(X(tick))}\" x2=\"{F(X(tick))}\" y1=\"{Top}\" y2=\"{PlotBottom}\" stroke=\"#eee\" stroke-width=\"1\"/>");
            sb.Append($"<text x=\"{F(X(tick))}\" y=\"{Height - 4}\" text-anchor=\"middle\" font-size=\"{FontSize}\" fill=\"#555\">{label}</text>");
        }

        // Target band: a polygon following target ± band over time.
        var band = points.Where(p => p.TargetRh.HasValue).ToList();
        if (band.Count > 0)
        {
            var upper = band.Select((p, i) => (X(i == 0 ? Math.Max(start, p.LocalSeconds) : p.LocalSeconds), YRh(p.TargetRh!.Value + (p.Band ?? 3)))).ToList();
            upper.Add((X(endLocalSeconds), upper[^1].Item2));
            var lower = band.Select(p => (X(p.LocalSeconds), YRh(p.TargetRh!.Value - (p.Band ?? 3)))).ToList();
            lower.Add((X(endLocalSeconds), lower[^1].Item2));
            lower.Reverse();
            string poly = string.Join(" ", upper.Concat(lower).Select(p => F(p.Item1) + "," + F(p.Item2)));
            sb.Append($"<polygon class=\"band\" points=\"{poly}\" fill=\"#c8e6c9\" fill-opacity=\"0.7\" stroke=\"none\"/>");
        }

        // Mist pulses: from a sample that mists to the next one.
        for (int i = 0; i < points.Count; i++)
        {
            if (!points[i].Misting)
            {
                continue;
            }

            long end = i + 1 < points.Count ? points[i + 1].LocalSeconds : endLocalSeconds;
            double x = X(points[i].LocalSeconds);
            double w = Math.Max(1.5, X(end) - x);
            sb.Append($"<rect class=\"mist\" x=\"{F(x)}\" y=\"{MistTop}\" width=\"{F(w)}\" height=\"{MistBottom - MistTop}\" fill=\"#0288d1\"/>");
        }

        sb.Append(Line(points.Where(p => p.TempC.HasValue).Select(p => (X(p.LocalSeconds), YT(p.TempC!.Value))), "#e65100", "temp", F));
        sb.Append(Line(points.Where(p => p.RhPct.HasValue).Select(p => (X(p.LocalSeconds), YRh(p.RhPct!.Value))), "#1565c0", "rh", F));
        sb.Append("</svg>");
        sb.Append($"<p class=\"legend\"><span class=\"key rh\">{E(t["house.chart_rh"])}</span><span class=\"key temp\">{E(t["house.chart_temp"])}</span>"
            + $"<span class=\"key band\">{E(t["house.chart_band"])}</span><span class=\"key mist\">{E(t["house.chart_mist"])}</span></p></figure>");
        return sb.ToString();
    }

    private static string Line(IEnumerable<(double X, double Y)> points, string colour, string css, Func<double, string> f)
    {
        string path = string.Join(" ", points.Select(p => f(p.X) + "," + f(p.Y)));
        return path.Length == 0 ? "" : $"<polyline class=\"{css}\" points=\"{path}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\"/>";
    }

    /// <summary>At most <see cref="MaxPoints"/> points: means per time bucket, a bucket mists if any sample in it did.</summary>
    private static List<Sample> Downsample(List<Sample> samples, long start, long end)
    {
        if (samples.Count <= MaxPoints)
        {
            return samples;
        }

        long bucket = Math.Max(1, (end - start) / MaxPoints);
        return samples.GroupBy(s => (s.LocalSeconds - start) / bucket)
            .Select(g => new Sample(g.First().LocalSeconds, Mean(g.Select(s => s.RhPct)), Mean(g.Select(s => s.TempC)),
                g.Last().TargetRh, g.Last().Band, g.Any(s => s.Misting)))
            .ToList();
    }

    private static double? Mean(IEnumerable<double?> values)
    {
        var list = values.Where(v => v.HasValue).Select(v => v!.Value).ToList();
        return list.Count == 0 ? null : list.Average();
    }
}
