using Greenhouse.Settings;
using Greenhouse.Simulator.Cli;
using Greenhouse.Simulator.Metrics;
using Greenhouse.Simulator.Weather;

namespace Greenhouse.Simulator.Tests;

/// <summary>Every controller is scored with the plan ours' settings define.</summary>
[TestClass]
public sealed class ScoringFromCoreTests
{
    private static RunConfiguration Build(string text) => RunConfiguration.Build(RunSettingsFile.Parse(text, "s"), null);

    [TestMethod]
    public void Defaults_AreTheGrowthStageOfTheCore()
    {
        var plan = Build("").Plans[0];
        Assert.AreEqual("growth", plan.Stage);
        Assert.AreEqual(90.0, plan.TargetRhPct);
        Assert.AreEqual(3.0, plan.BandRhPct);
        Assert.AreEqual(28.0, plan.LockoutTempC, "min(lockout.high_c 28, profile.growth.max_temp_c 30)");
        CollectionAssert.AreEqual(new[] { new TimeWindow(5 * 60, 19 * 60) }, plan.Windows);
        Assert.AreEqual(5, plan.WetDays);
        Assert.AreEqual(2, plan.DryDays);
        Assert.IsTrue(plan.IsWetDay(4));
        Assert.IsFalse(plan.IsWetDay(5));
        Assert.IsFalse(plan.IsWetDay(6));
        Assert.IsTrue(plan.IsWetDay(7));
    }

    [TestMethod]
    public void Stage_ChoosesWindowAndLockout_AndStagesWithoutWaterScoreNothing()
    {
        var pinning = Build("zone1.stage=pinning\nprofile.pinning.max_temp_c=26\n").Plans[0];
        CollectionAssert.AreEqual(new[] { new TimeWindow(7 * 60, 17 * 60) }, pinning.Windows);
        Assert.AreEqual(26.0, pinning.LockoutTempC);
        Assert.AreEqual(0, pinning.WetDays, "wet/dry alternation is for the growth stage only");

        var rest = Build("zone1.stage=rest\n").Plans[0];
        Assert.IsEmpty(rest.Windows);
        Assert.IsFalse(rest.IsScored(new DateTime(2026, 6, 15, 12, 0, 0), new DateTime(2026, 6, 15)));

        var allDay = Build("profile.growth.start_h=0\nprofile.growth.end_h=0\n").Plans[0];
        Assert.IsTrue(allDay.IsScored(new DateTime(2026, 6, 15, 3, 0, 0), new DateTime(2026, 6, 15)));
        Assert.IsTrue(allDay.IsScored(new DateTime(2026, 6, 15, 23, 59, 0), new DateTime(2026, 6, 15)));

        var overridden = Build("sim.score.windows=06:00-10:00\nsim.score.lockout_c=25\nsim.score.dry_days=0\n").Plans[0];
        CollectionAssert.AreEqual(new[] { new TimeWindow(6 * 60, 10 * 60) }, overridden.Windows);
        Assert.AreEqual(25.0, overridden.LockoutTempC);
        Assert.IsTrue(overridden.IsWetDay(6));
    }

    [TestMethod]
    public void SeasonModes_ReplaceTheStageWindow_AsTheEngineDoes()
    {
        var plan = Build("").Plans[0];
        Assert.IsNotNull(plan.Seasons);
        var start = new DateTime(2026, 7, 15);
        var noon = new DateTime(2026, 7, 15, 12, 0, 0);
        var evening = new DateTime(2026, 7, 15, 21, 0, 0);
        Assert.IsTrue(plan.IsScored(noon, start, summer: false, cold: false));
        Assert.IsFalse(plan.IsScored(evening, start, summer: false, cold: false));
        // Summer mode: night window 19-06 (season.night_start_h / night_end_h).
        Assert.IsFalse(plan.IsScored(noon, start, summer: true, cold: false));
        Assert.IsTrue(plan.IsScored(evening, start, summer: true, cold: false));
        // Cold mode: midday window 09-15.
        Assert.IsTrue(plan.IsScored(noon, start, summer: false, cold: true));
        Assert.IsFalse(plan.IsScored(new DateTime(2026, 7, 15, 16, 0, 0), start, summer: false, cold: true));

        // The tracker follows the engine's rule: hot once -> summer for season.memory_h; cold only after a whole
        // memory period without a warm reading.
        var tracker = new SeasonTracker(plan.Seasons!);
        tracker.Update(0, 20);
        Assert.IsFalse(tracker.Summer);
        tracker.Update(100, 25.5);
        Assert.IsTrue(tracker.Summer);
        tracker.Update(100 + 23 * 3600, 18);
        Assert.IsTrue(tracker.Summer);
        tracker.Update(101 + 24 * 3600, 18);
        Assert.IsFalse(tracker.Summer);
        var cold = new SeasonTracker(plan.Seasons!);
        cold.Update(0, 10);
        cold.Update(23 * 3600, 10);
        Assert.IsFalse(cold.Cold);
        cold.Update(24 * 3600, 10);
        Assert.IsTrue(cold.Cold);

        // Stages without water and explicit sim.score.windows ignore the seasons.
        Assert.IsFalse(Build("zone1.stage=rest\n").Plans[0].IsScored(evening, start, summer: true, cold: false));
        var overridden = Build("sim.score.windows=06:00-10:00\n").Plans[0];
        Assert.IsNull(overridden.Seasons);
        Assert.IsTrue(overridden.IsScored(new DateTime(2026, 7, 15, 7, 0, 0), start, summer: true, cold: false));
        // Switched off in the core's settings: the stage window stays.
        var noSummer = Build("season.summer=off\n").Plans[0];
        var t = new SeasonTracker(noSummer.Seasons!);
        t.Update(0, 35);
        Assert.IsFalse(t.Summer);
    }

    [TestMethod]
    public void TheDevicesOwnSettingsFile_IsAccepted()
    {
        var settings = new ControllerSettings(SettingsCatalog.All());
        Greenhouse.Control.ControlSettings.AddRules(settings);
        Assert.IsTrue(settings.TrySet("zone1.target_rh", "86", out _));
        Assert.IsTrue(settings.TrySet("zone1.band", "2", out _));
        string text = Greenhouse.Persistence.SettingsFile.Format(settings, 7);
        StringAssert.Contains(text, "checksum=");
        var config = Build(text);
        Assert.AreEqual(86.0, config.Plans[0].TargetRhPct);
        Assert.AreEqual(2.0, config.Plans[0].BandRhPct);
    }

    [TestMethod]
    public void Ours_KeepsTheFileSettingsThroughStart()
    {
        var config = Build("zone1.target_rh=80\nzone1.band=2\n");
        var log = new List<string>();
        var ours = (Ours.OursController)RunExecutor.BuildController("ours", config, log.Add, null);
        var sim = new Simulation(new SimulationSetup { Weather = new ScenarioWeather(Scenarios.CoolSpring, 0), SpinUpSeconds = 3600 });
        sim.Run(ours, config.Plans);
        Assert.IsTrue(ours.Core.Status.Settings.TryGetText("zone1.target_rh", out string target, out _));
        Assert.AreEqual("80", target);
        Assert.IsTrue(log.Any(l => l.Contains("key=zone1.target_rh") && l.Contains("source=file")), string.Join("\n", log.Take(10)));
    }
}
