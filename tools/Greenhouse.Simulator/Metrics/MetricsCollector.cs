using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Greenhouse.Simulator.Physics;

namespace Greenhouse.Simulator.Metrics;

/// <summary>
/// Accumulates the benchmark metrics second by second, per zone. RH and temperature are the true inside
/// air values of the model (not the sensor's), so a sensor that lies does not flatter its controller.
/// </summary>
public sealed class MetricsCollector
{
    /// <summary>The stable keys, in output order (tools outside the repository read them).</summary>
    public static readonly string[] Keys =
    {
        "controller", "sim_hours", "time_in_band_pct", "water_l", "mist_s", "valve_cycles", "mist_s_above_lockout",
        "max_continuous_mist_s", "rh_min", "rh_max", "rh_mean", "temp_max", "alarms", "surface_wet_pct", "runoff_l",
        "water_floor_l", "alloc_bytes_per_tick", "hot_wet_min", "stagnant_min"
    };

    private readonly ZoneAccumulator[] _zones;
    private readonly ScoringPlan[] _plans;
    private readonly string _controller;
    private readonly long _steadyFromSecond;
    private long _seconds;
    private long _allocBytes;
    private long _allocTicks;
    private long _pumpCycles;
    private bool _pumpWasOn;
    private long _ventSeconds;
    private readonly SeasonTracker? _season;

    public MetricsCollector(string controller, ScoringPlan[] plans, long steadyFromSecond)
    {
        _controller = controller;
        _plans = plans;
        _zones = plans.Select(_ => new ZoneAccumulator()).ToArray();
        _steadyFromSecond = steadyFromSecond;
        SeasonRules? rules = plans.Select(p => p.Seasons).FirstOrDefault(r => r != null);
        _season = rules != null ? new SeasonTracker(rules) : null;
    }

    /// <summary>Whether the last recorded second was a scored second of zone <paramref name="zone"/> (for the trace).</summary>
    public bool ScoredNow(int zone) => _zones[zone].ScoredNow;

    /// <summary>Minutes scored while summer mode held, and while cold mode held (for reports).</summary>
    public long SummerSeconds { get; private set; }
    public long ColdSeconds { get; private set; }

    /// <summary>Records one simulated second, after the houses have stepped with these outputs.</summary>
    public void Record(SimWorld world, SimOutputs outputs, long stepAllocatedBytes)
    {
        _seconds++;
        if (world.Second >= _steadyFromSecond)
        {
            _allocBytes += stepAllocatedBytes;
            _allocTicks++;
        }

        if (outputs.Pump && !_pumpWasOn)
        {
            _pumpCycles++;
        }

        _pumpWasOn = outputs.Pump;
        if (outputs.Vent)
        {
            _ventSeconds++;
        }

        DateTime local = world.LocalNow;
        if (_season != null)
        {
            double maxTemp = double.MinValue;
            for (int z = 0; z < _zones.Length; z++)
            {
                maxTemp = Math.Max(maxTemp, world.Houses[z].AirTempC);
            }

            _season.Update(world.Second, maxTemp);
        }

        bool summer = _season?.Summer ?? false;
        bool cold = _season?.Cold ?? false;
        if (summer)
        {
            SummerSeconds++;
        }

        if (cold)
        {
            ColdSeconds++;
        }
        for (int z = 0; z < _zones.Length; z++)
        {
            var acc = _zones[z];
            var plan = _plans[z];
            HouseModel house = world.Houses[z];
            double rh = house.RelativeHumidityPct;
            double temp = house.AirTempC;
            bool misting = outputs.Misting(z);
            bool valve = outputs.ValveOpen[z];

            acc.RhMin = Math.Min(acc.RhMin, rh);
            acc.RhMax = Math.Max(acc.RhMax, rh);
            acc.RhSum += rh;
            acc.TempMax = Math.Max(acc.TempMax, temp);
            acc.Seconds++;

            if (valve && !acc.ValveWasOpen)
            {
                acc.ValveCycles++;
            }

            acc.ValveWasOpen = valve;
            if (misting)
            {
                acc.MistSeconds++;
                acc.ContinuousMist++;
                acc.MaxContinuousMist = Math.Max(acc.MaxContinuousMist, acc.ContinuousMist);
                if (temp > plan.LockoutTempC)
                {
                    acc.MistAboveLockout++;
                }
            }
            else
            {
                acc.ContinuousMist = 0;
            }

            bool scored = plan.IsScored(local, world.StartLocal, summer, cold);
            acc.ScoredNow = scored;
            acc.Crop.Record(1.0, scored, plan.IsDryDay(local, world.StartLocal), house, plan.LockoutTempC, outputs.Vent, valve);
            if (scored)
            {
                acc.ScoredSeconds++;
                if (plan.InBand(rh))
                {
                    acc.InBandSeconds++;
                }

                if (house.SurfaceWet)
                {
                    acc.WetSeconds++;
                }

                acc.WaterFloorKg += house.WaterFloorRateKgS(plan.LowerBandRhPct, world.CurrentWeather);
            }
        }
    }

    /// <summary>Builds the metrics document: run facts, "total" and "zones" (each with the stable keys).</summary>
    public JsonObject Build(SimWorld world, int alarms, IDictionary<string, object?> run)
    {
        double simHours = _seconds / 3600.0;
        double allocPerTick = _allocTicks > 0 ? (double)_allocBytes / _allocTicks : 0.0;
        var zones = new JsonArray();
        var total = new ZoneAccumulator();
        double waterTotal = 0;
        double runoffTotal = 0;
        for (int z = 0; z < _zones.Length; z++)
        {
            var acc = _zones[z];
            HouseModel house = world.Houses[z];
            var obj = ZoneObject(acc, simHours, house.MistInKg, house.RunoffKg, alarms, allocPerTick);
            obj.Insert(0, "zone", z + 1);
            zones.Add(obj);
            waterTotal += house.MistInKg;
            runoffTotal += house.RunoffKg;
            total.Merge(acc);
        }

        var doc = new JsonObject();
        foreach (var kv in run)
        {
            doc[kv.Key] = kv.Value switch
            {
                null => null,
                JsonNode n => n,
                string s => JsonValue.Create(s),
                int i => JsonValue.Create(i),
                long l => JsonValue.Create(l),
                double d => JsonValue.Create(Round(d, 3)),
                bool b => JsonValue.Create(b),
                _ => JsonValue.Create(Convert.ToString(kv.Value, CultureInfo.InvariantCulture)),
            };
        }

        var totalObj = ZoneObject(total, simHours, waterTotal, runoffTotal, alarms, allocPerTick);
        totalObj["pump_cycles"] = _pumpCycles;
        totalObj["vent_s"] = _ventSeconds;
        if (_season != null)
        {
            doc["summer_mode_h"] = Math.Round(SummerSeconds / 3600.0, 2);
            doc["cold_mode_h"] = Math.Round(ColdSeconds / 3600.0, 2);
        }

        doc["total"] = totalObj;
        doc["zones"] = zones;
        return doc;
    }

    private JsonObject ZoneObject(ZoneAccumulator acc, double simHours, double waterKg, double runoffKg, int alarms, double allocPerTick)
    {
        double scored = Math.Max(1, acc.ScoredSeconds);
        return new JsonObject
        {
            ["controller"] = _controller,
            ["sim_hours"] = Round(simHours, 3),
            ["time_in_band_pct"] = acc.ScoredSeconds > 0 ? Round(100.0 * acc.InBandSeconds / scored, 2) : null,
            ["water_l"] = Round(waterKg, 2),
            ["mist_s"] = acc.MistSeconds,
            ["valve_cycles"] = acc.ValveCycles,
            ["mist_s_above_lockout"] = acc.MistAboveLockout,
            ["max_continuous_mist_s"] = acc.MaxContinuousMist,
            ["rh_min"] = Round(acc.RhMin, 2),
            ["rh_max"] = Round(acc.RhMax, 2),
            ["rh_mean"] = Round(acc.Seconds > 0 ? acc.RhSum / acc.Seconds : double.NaN, 2),
            ["temp_max"] = Round(acc.TempMax, 2),
            ["alarms"] = alarms,
            ["surface_wet_pct"] = acc.ScoredSeconds > 0 ? Round(100.0 * acc.WetSeconds / scored, 2) : null,
            ["runoff_l"] = Round(runoffKg, 2),
            ["water_floor_l"] = Round(acc.WaterFloorKg, 2),
            ["alloc_bytes_per_tick"] = Round(allocPerTick, 1),
            ["hot_wet_min"] = Round(acc.Crop.HotWetSeconds / 60.0, 1),
            ["stagnant_min"] = Round(acc.Crop.StagnantSeconds / 60.0, 1),
            ["scored_minutes"] = Round(acc.ScoredSeconds / 60.0, 1),
            ["dry_day_wet_min"] = Round(acc.Crop.WetOnDryDaySeconds / 60.0, 1),
            ["crop_cost"] = Round(acc.Crop.Cost(waterKg, runoffKg), 1),
        };
    }

    private static double Round(double v, int digits) => double.IsFinite(v) ? Math.Round(v, digits) : 0.0;

    public static string ToJson(JsonObject doc) =>
        doc.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private sealed class ZoneAccumulator
    {
        public long Seconds;
        public double RhMin = double.PositiveInfinity;
        public double RhMax = double.NegativeInfinity;
        public double RhSum;
        public double TempMax = double.NegativeInfinity;
        public long MistSeconds;
        public long ContinuousMist;
        public long MaxContinuousMist;
        public long MistAboveLockout;
        public long ValveCycles;
        public bool ValveWasOpen;
        public long ScoredSeconds;
        public long InBandSeconds;
        public long WetSeconds;
        public double WaterFloorKg;
        public bool ScoredNow;
        public readonly CropTally Crop = new();

        public void Merge(ZoneAccumulator o)
        {
            Crop.Merge(o.Crop);
            Seconds += o.Seconds;
            RhMin = Math.Min(RhMin, o.RhMin);
            RhMax = Math.Max(RhMax, o.RhMax);
            RhSum += o.RhSum;
            TempMax = Math.Max(TempMax, o.TempMax);
            MistSeconds += o.MistSeconds;
            MaxContinuousMist = Math.Max(MaxContinuousMist, o.MaxContinuousMist);
            MistAboveLockout += o.MistAboveLockout;
            ValveCycles += o.ValveCycles;
            ScoredSeconds += o.ScoredSeconds;
            InBandSeconds += o.InBandSeconds;
            WetSeconds += o.WetSeconds;
            WaterFloorKg += o.WaterFloorKg;
        }
    }
}
