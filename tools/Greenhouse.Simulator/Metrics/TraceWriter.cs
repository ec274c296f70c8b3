using System.Globalization;
using Greenhouse.Simulator.Weather;

namespace Greenhouse.Simulator.Metrics;

/// <summary>
/// One row per simulated minute for zone 1. A row holds the state at the instant <c>minute</c> (minutes from
/// the start; row 0 is the initial state), and mist_on / vent_on are 1 when the mist (valve open with the
/// pump running) or the fan ran at any second of the minute that ends at that instant. film_wet is 1 while the film
/// is at least the wet threshold at that instant; scored is 1 when the minute ending there was scored (its last
/// second; row 0 closes no minute and reads 0). A day gives 1441 rows.
/// </summary>
public sealed class TraceWriter : IDisposable
{
    public const string Header = "minute,outside_temp_c,outside_rh_pct,inside_temp_c,inside_rh_pct,sensor_rh_pct,mist_on,vent_on,film_mm,film_wet,scored";

    private readonly TextWriter _writer;
    private bool _mistInMinute;
    private bool _ventInMinute;

    public TraceWriter(TextWriter writer)
    {
        _writer = writer;
        _writer.WriteLine(Header);
    }

    public static TraceWriter Create(string path) => new(new StreamWriter(path, false) { NewLine = "\n" });

    /// <summary>Writes row 0, the state before the first step.</summary>
    public void RecordInitial(SimWorld world) => WriteRow(world, 0, world.Weather.At(0), false);

    /// <summary>Records one stepped second; writes a row when the second closes a minute.</summary>
    public void Record(SimWorld world, SimOutputs outputs, bool scored)
    {
        _mistInMinute |= outputs.Misting(0);
        _ventInMinute |= outputs.Vent;
        long end = world.Second + 1;
        if (end % 60 != 0)
        {
            return;
        }

        WriteRow(world, end / 60, world.Weather.At(end), scored);
    }

    private void WriteRow(SimWorld world, long minute, WeatherSample w, bool scored)
    {
        var house = world.Houses[0];
        var c = CultureInfo.InvariantCulture;
        _writer.Write(minute.ToString(c));
        _writer.Write(',');
        _writer.Write(w.OutsideTempC.ToString("F2", c));
        _writer.Write(',');
        _writer.Write(w.OutsideRhPct.ToString("F2", c));
        _writer.Write(',');
        _writer.Write(house.AirTempC.ToString("F2", c));
        _writer.Write(',');
        _writer.Write(house.RelativeHumidityPct.ToString("F2", c));
        _writer.Write(',');
        _writer.Write(world.Sensors[0].RelativeHumidityPct.ToString("F2", c));
        _writer.Write(',');
        _writer.Write(_mistInMinute ? '1' : '0');
        _writer.Write(',');
        _writer.Write(_ventInMinute ? '1' : '0');
        _writer.Write(',');
        _writer.Write(house.FilmMm.ToString("F4", c));
        _writer.Write(',');
        _writer.Write(house.SurfaceWet ? '1' : '0');
        _writer.Write(',');
        _writer.Write(scored ? '1' : '0');
        _writer.Write('\n');
        _mistInMinute = false;
        _ventInMinute = false;
    }

    public void Dispose() => _writer.Dispose();
}
