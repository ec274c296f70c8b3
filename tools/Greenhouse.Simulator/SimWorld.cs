using Greenhouse.Simulator.Physics;
using Greenhouse.Simulator.Weather;

namespace Greenhouse.Simulator;

/// <summary>
/// Everything a controller may look at during a run: the houses (one per zone), their sensors, the
/// weather and the simulated time. Controllers read sensors only; the true air state is for metrics.
/// </summary>
public sealed class SimWorld
{
    /// <summary>Offset of local time (China) from UTC, hours.</summary>
    public const int LocalUtcOffsetHours = 8;

    public SimWorld(HouseModel[] houses, Bme280Model[] sensors, IWeather weather, DateTime startLocal)
    {
        if (houses.Length != sensors.Length || houses.Length == 0)
        {
            throw new ArgumentException("one sensor per house and at least one house");
        }

        Houses = houses;
        Sensors = sensors;
        Weather = weather;
        StartLocal = startLocal;
        CurrentWeather = weather.At(0);
    }

    public HouseModel[] Houses { get; }
    public Bme280Model[] Sensors { get; }
    /// <summary>
    /// The board's second BME280 (address 0x77), or null when not fitted. It hangs in zone 2's house when there
    /// are two or more zones, otherwise beside the first one in zone 1.
    /// </summary>
    public Bme280Model? SecondSensor { get; init; }
    /// <summary>Index of the house the second sensor measures.</summary>
    public int SecondSensorHouse => ZoneCount >= 2 ? 1 : 0;
    public IWeather Weather { get; }
    /// <summary>Local wall time at the start of the run.</summary>
    public DateTime StartLocal { get; }
    /// <summary>Whole simulated seconds since the start.</summary>
    public long Second { get; internal set; }
    public WeatherSample CurrentWeather { get; internal set; }
    /// <summary>Tank float switch: true while the tank holds water.</summary>
    public bool TankFull { get; set; } = true;

    public int ZoneCount => Houses.Length;
    public DateTime LocalNow => StartLocal.AddSeconds(Second);
    public DateTime UtcNow => DateTime.SpecifyKind(LocalNow.AddHours(-LocalUtcOffsetHours), DateTimeKind.Utc);
}

/// <summary>What a controller commands for the next second.</summary>
public sealed class SimOutputs
{
    public SimOutputs(int zones)
    {
        ValveOpen = new bool[zones];
    }

    /// <summary>Zone misting valves.</summary>
    public bool[] ValveOpen { get; }
    /// <summary>The pump feeding all valves.</summary>
    public bool Pump { get; set; }
    /// <summary>The vent fan.</summary>
    public bool Vent { get; set; }

    /// <summary>Water reaches the nozzles of a zone only with its valve open and the pump running.</summary>
    public bool Misting(int zone) => Pump && ValveOpen[zone];
}

/// <summary>A controller under test: a baseline or our core behind simulated ports.</summary>
public interface ISimController
{
    /// <summary>Name used in metrics ("ours", "timer", "cycle", "hygrostat").</summary>
    string Name { get; }

    /// <summary>Called once before the first step.</summary>
    void Start(SimWorld world);

    /// <summary>Called once per simulated second, after the sensors have been updated; sets the outputs.</summary>
    void Step(SimWorld world, SimOutputs outputs);

    /// <summary>Alarm events raised so far (zero for baselines, which have none).</summary>
    int AlarmCount { get; }

    /// <summary>Bytes allocated by the last <see cref="Step"/> on this thread (for alloc_bytes_per_tick).</summary>
    long LastStepAllocatedBytes { get; }
}
