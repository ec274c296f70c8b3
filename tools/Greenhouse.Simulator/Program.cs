using Greenhouse.Simulator.Baselines;
using Greenhouse.Simulator.Metrics;
using Greenhouse.Simulator.Weather;
using Greenhouse.Simulator;

foreach (var sc in Scenarios.All)
foreach (ISimController c in new ISimController[] { new TimerBaseline(), new CycleBaseline(), new HygrostatBaseline() })
{
    var sim = new Simulation(new SimulationSetup { Weather = new ScenarioWeather(sc, 0) });
    var doc = sim.Run(c, new[] { new ScoringPlan() });
    var t = doc["total"]!;
    Console.WriteLine($"{sc.Name,-13} {c.Name,-9} band {t["time_in_band_pct"]} wet {t["surface_wet_pct"]} water {t["water_l"]} floor {t["water_floor_l"]} runoff {t["runoff_l"]} rh {t["rh_min"]}-{t["rh_max"]} mean {t["rh_mean"]} tmax {t["temp_max"]} cycles {t["valve_cycles"]} lock {t["mist_s_above_lockout"]} {sim.WallTime.TotalSeconds:F2}s");
}
