using System.Globalization;

namespace Greenhouse.Simulator.Weather;

/// <summary>
/// Held-out weather: days drawn from a seed out of the Wangqing / Yanbian climate facts (wood-ear-domain.md §6),
/// never the five built-in days the control work is measured and tuned on. Day <c>i</c> of seed <c>s</c> is the same
/// on every machine and in every run (its own <see cref="Random"/> seeded from s and i), so
/// <c>run --weather-seed 7 --weather-day 14</c> reproduces the benchmark's row "held-out-7-14". Days come in weeks of
/// one month (days 0-6, 7-13, ...), so <c>--days 7</c> is a plausible week; the spin-up before the first simulated day
/// repeats that day (as for the built-in days).
///
/// How a day is drawn:
/// <list type="bullet">
/// <item>month of its week April..September, weighted 1, 2, 3, 3, 2, 1 (bags in from April, harvest late May to
/// mid-July, the autumn crop UNCONFIRMED; §1);</item>
/// <item>daily mean = the month's Wangqing mean (May 14.4, June 19.2, July 22.4, August 21.4, September 15.6 °C
/// [S93]; April 7 °C, DERIVED from "nights −5…10 °C" when bags go in, §1) + normal noise σ 2 °C;</item>
/// <item>sky: rainy (more often from late June, rainy season [S95][S96]), broken cloud (Yanji July sunshine only 39 %
/// of possible [S98]) or clear, each with its range of daily temperature range (Jilin 10-14 °C [S96]; smaller under
/// cloud), dawn and afternoon RH (near saturation at dawn, 55-65 % afternoon typical, §6), sun and wind;</item>
/// <item>a heat-wave day now and then in June-August (+3..6 °C, clear; extreme highs 35-37 °C [S97]);</item>
/// <item>sunrise and sunset of the month at Wangqing (DERIVED, about 43.3° N, 129.8° E, local time UTC+8).</item>
/// </list>
/// </summary>
public static class HeldOutWeather
{
    private static readonly string[] MonthNames = { "Apr", "May", "Jun", "Jul", "Aug", "Sep" };
    private static readonly double[] MonthMeanC = { 7.0, 14.4, 19.2, 22.4, 21.4, 15.6 };
    private static readonly int[] MonthWeight = { 1, 2, 3, 3, 2, 1 };
    private static readonly double[] RainyChance = { 0.10, 0.12, 0.22, 0.28, 0.25, 0.15 };
    private static readonly double[] CloudyChance = { 0.35, 0.35, 0.40, 0.45, 0.40, 0.35 };
    private static readonly int[] Sunrise = { 4 * 60 + 55, 4 * 60 + 15, 3 * 60 + 55, 4 * 60 + 5, 4 * 60 + 35, 5 * 60 + 10 };
    private static readonly int[] Sunset = { 18 * 60 + 25, 18 * 60 + 55, 19 * 60 + 15, 19 * 60 + 10, 18 * 60 + 40, 17 * 60 + 50 };

    /// <summary>The weather of days <paramref name="firstDay"/>, <paramref name="firstDay"/> + 1, ... of a seed.</summary>
    public static DaySequenceWeather Create(int seed, int firstDay = 0, int startSecondOfDay = 0) =>
        new(Name(seed, firstDay), d => Day(seed, firstDay + Math.Max(0, d)), startSecondOfDay);

    public static string Name(int seed, int day) => $"held-out-{seed.ToString(CultureInfo.InvariantCulture)}-{day.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Day <paramref name="index"/> of <paramref name="seed"/> (any index, negative ones too).</summary>
    public static Scenario Day(int seed, int index)
    {
        int week = (int)Math.Floor(index / 7.0);
        int month = Pick(new Random(Mix(seed, week, 0x3C6EF372u)), MonthWeight);
        var r = new Random(Mix(seed, index, 0xC2B2AE3Du));
        double mean = MonthMeanC[month] + Normal(r) * 2.0;
        double sky = r.NextDouble();
        bool rainy = sky < RainyChance[month];
        bool cloudy = !rainy && sky < RainyChance[month] + CloudyChance[month];
        bool heatWave = !rainy && !cloudy && month >= 2 && month <= 4 && r.NextDouble() < 0.12;

        double range, dawn, afternoon, peak, flicker, night, day;
        string kind;
        if (rainy)
        {
            kind = "rain";
            mean -= 1.5;
            range = Uniform(r, 3, 6);
            dawn = Uniform(r, 97, 100);
            afternoon = Uniform(r, 85, 95);
            peak = Uniform(r, 120, 300);
            flicker = Uniform(r, 0.4, 0.6);
            night = Uniform(r, 1.5, 3.5);
            day = night + Uniform(r, 0.5, 2.0);
        }
        else if (cloudy)
        {
            kind = "broken cloud";
            range = Uniform(r, 8, 12);
            dawn = Uniform(r, 90, 99);
            afternoon = Uniform(r, 50, 70);
            peak = Uniform(r, 450, 750);
            flicker = Uniform(r, 0.3, 0.6);
            night = Uniform(r, 0.8, 2.5);
            day = night + Uniform(r, 0.5, 2.0);
        }
        else
        {
            kind = heatWave ? "heat wave" : "clear";
            if (heatWave)
            {
                mean += Uniform(r, 3, 6);
            }

            range = Uniform(r, 11, 14);
            dawn = Uniform(r, 80, 95);
            afternoon = Uniform(r, 35, 55);
            peak = Uniform(r, 750, 900);
            flicker = Uniform(r, 0, 0.15);
            night = Uniform(r, 0.5, 2.5);
            day = night + Uniform(r, 0.5, 2.5);
        }

        // No day above the extreme highs on record (35-37 °C, S97).
        mean = Math.Min(mean, 37.0 - range / 2);
        string description = string.Format(CultureInfo.InvariantCulture,
            "{0}, {1}: mean {2:0.0} °C, range {3:0.0} °C, RH {4:0} % at dawn to {5:0} % in the afternoon, sun peak {6:0} W/m², wind {7:0.0}-{8:0.0} m/s",
            MonthNames[month], kind, mean, range, dawn, afternoon, peak, night, day);
        return new Scenario(Name(seed, index), description, mean, range, dawn, afternoon, peak, Sunrise[month], Sunset[month], night, day, flicker);
    }

    /// <summary>Mixes seed and index into one 31-bit seed (not HashCode: that changes from process to process).</summary>
    private static int Mix(int seed, int index, uint salt)
    {
        uint mixed = unchecked((uint)seed * 0x9E3779B1u ^ (uint)index * 0x85EBCA77u ^ salt);
        mixed ^= mixed >> 15;
        mixed = unchecked(mixed * 0x2C1B3C6Du);
        mixed ^= mixed >> 12;
        return (int)(mixed & 0x7FFFFFFF);
    }

    private static int Pick(Random r, int[] weights)
    {
        int total = weights.Sum();
        int x = r.Next(total);
        for (int i = 0; i < weights.Length; i++)
        {
            x -= weights[i];
            if (x < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    private static double Uniform(Random r, double lo, double hi) => lo + (hi - lo) * r.NextDouble();

    private static double Normal(Random r)
    {
        double u1 = 1.0 - r.NextDouble();
        double u2 = r.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
