using System.Globalization;

namespace Greenhouse.Simulator.Metrics;

/// <summary>
/// One row per simulated minute for zone 1: the state at the end of the minute; mist_on / vent_on are 1
/// when the mist (valve open with the pump running) or the fan ran at any second of that minute.
/// </summary>
public sealed class TraceWriter : IDisposable
{
    public const string Header = "minute,outside_temp_c,outside_rh_pct,inside_temp_c,inside_rh_pct,sensor_rh_pct,mist_on,vent_on,film_mm";

    private readonly TextWriter _writer;
    private bool _mistInMinute;
    private bool _ventInMinute;

    public TraceWriter(TextWriter writer)
    {
        _writer = writer;
        _writer.WriteLine(Header);
    }

    public static TraceWriter Create(string path) => new(new StreamWriter(path, false) { NewLine = "\n" });

    /// <summary>Records one second; writes a row when the second closes a minute.</summary>
    public void Record(SimWorld world, SimOutputs outputs)
    {
        _mistInMinute |= outputs.Misting(0);
        _ventInMinute |= outputs.Vent;
        if ((world.Second + 1) % 60 != 0)
        {
            return;
        }

        var house = world.Houses[0];
        var w = world.CurrentWeather;
        var c = CultureInfo.InvariantCulture;
        _writer.Write((world.Second / 60).ToString(c));
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
        _writer.Write('\n');
        _mistInMinute = false;
        _ventInMinute = false;
    }

    public void Dispose() => _writer.Dispose();
}
