using System;
using Greenhouse.App;
using Greenhouse.Footprint.Rig;
using Greenhouse.Ports;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Greenhouse.Footprint.Tests
{
    /// <summary>
    /// The zero-allocation goal of issue 6: a control tick in steady state allocates nothing (the ESP32 managed
    /// heap is about 100 KB and a GC pause stalls the relays). Bytes are counted with
    /// GC.GetAllocatedBytesForCurrentThread around many ticks of a warmed-up controller built from fakes that
    /// never allocate, so every byte counted comes from the core. Strings built when something changes (a relay
    /// switches, a reason changes) are allowed; see <see cref="AllocatesOnlyInTicksWhereSomethingChanged"/>.
    /// </summary>
    [TestClass]
    [DoNotParallelize]
    public sealed class TickAllocationTests
    {
        private const int MeasuredTicks = 3000;

        [TestMethod]
        [TestCategory("Footprint")]
        public void SteadyStateTickAllocatesNothing()
        {
            SteadyStateRig rig = SteadyStateRig.FourZones(HumidityProfile.Wiggle);
            long switchesBefore = TotalSwitches(rig.Controller);

            TickProfile profile = TickProfile.Measure(rig, MeasuredTicks);

            Assert.AreEqual(switchesBefore, TotalSwitches(rig.Controller), "the wiggle profile must stay inside the dead band");
            Assert.IsTrue(profile.EventTicksAreRare, profile.Describe("too many event ticks"));
            Assert.AreEqual(0L, profile.QuietBytes, profile.Describe("four zones, humidity inside the dead band"));
        }

        [TestMethod]
        [TestCategory("Footprint")]
        public void SteadyStateTickWithDefaultSettingsAllocatesNothing()
        {
            SteadyStateRig rig = new SteadyStateRig(HumidityProfile.Wiggle, SteadyStateRig.WithBroker(null), SteadyStateRig.DefaultWarmUpTicks);

            TickProfile profile = TickProfile.Measure(rig, MeasuredTicks);

            Assert.IsTrue(profile.EventTicksAreRare, profile.Describe("too many event ticks"));
            Assert.AreEqual(0L, profile.QuietBytes, profile.Describe("default settings (one zone)"));
        }

        /// <summary>
        /// Settings a grower uses for weeks at a time: a zone switched off or in manual mode, a crop stage in
        /// which no water is given. Each is a steady state, so each tick must allocate nothing.
        /// </summary>
        [TestMethod]
        [TestCategory("Footprint")]
        [DataRow("zone4.mode", "off")]
        [DataRow("zone4.mode", "manual")]
        [DataRow("zone4.stage", "recovery")]
        [DataRow("zone4.stage", "pre_harvest")]
        [DataRow("zone4.stage", "rest")]
        public void TickWithAZoneParkedBySettingsAllocatesNothing(string key, string value)
        {
            SteadyStateRig rig = new SteadyStateRig(HumidityProfile.Wiggle, SteadyStateRig.WithBroker(new[] { "zones", "4", key, value }), SteadyStateRig.DefaultWarmUpTicks);

            TickProfile profile = TickProfile.Measure(rig, MeasuredTicks);

            Assert.IsTrue(profile.EventTicksAreRare, profile.Describe("too many event ticks"));
            Assert.AreEqual(0L, profile.QuietBytes, profile.Describe(key + "=" + value));
        }

        /// <summary>Faults that can last for hours: both sensors failing, an empty tank, no time sync, no broker.</summary>
        [TestMethod]
        [TestCategory("Footprint")]
        [DataRow("sensors-bus-error")]
        [DataRow("sensors-invalid-data")]
        [DataRow("tank-empty")]
        [DataRow("clock-unsynced")]
        [DataRow("mqtt-down")]
        public void TickInALastingFaultAllocatesNothing(string fault)
        {
            SteadyStateRig rig = new SteadyStateRig(HumidityProfile.Wiggle, SteadyStateRig.WithBroker(new[] { "zones", "4" }), 0);
            switch (fault)
            {
                case "sensors-bus-error":
                    rig.Sensor.Status = SensorReadStatus.BusError;
                    rig.Sensor2.Status = SensorReadStatus.BusError;
                    break;
                case "sensors-invalid-data":
                    rig.Sensor.Status = SensorReadStatus.InvalidData;
                    rig.Sensor2.Status = SensorReadStatus.InvalidData;
                    break;
                case "tank-empty":
                    rig.Tank.High = false;
                    break;
                case "clock-unsynced":
                    rig.Clock.Synced = false;
                    break;
                case "mqtt-down":
                    rig.Link.AutoConnect = false;
                    rig.Link.Connected = false;
                    break;
                default:
                    Assert.Fail("unknown fault " + fault);
                    break;
            }

            TickProfile.Measure(rig, SteadyStateRig.DefaultWarmUpTicks);
            TickProfile profile = TickProfile.Measure(rig, MeasuredTicks);

            Assert.IsTrue(profile.EventTicksAreRare, profile.Describe("too many event ticks"));
            Assert.AreEqual(0L, profile.QuietBytes, profile.Describe(fault));
        }

        /// <summary>
        /// With humidity sweeping through the band, valves and the pump switch; building a reason string then is
        /// allowed. Every tick in which no relay switched, no zone reason changed and nothing was published must
        /// allocate nothing.
        /// </summary>
        [TestMethod]
        [TestCategory("Footprint")]
        public void AllocatesOnlyInTicksWhereSomethingChanged()
        {
            SteadyStateRig rig = SteadyStateRig.FourZones(HumidityProfile.MistCycle);
            Controller controller = rig.Controller;
            string[] reasons = new string[4];
            int changedTicks = 0;
            long changedBytes = 0;
            string firstQuietAllocation = null;
            for (int tick = 0; tick < 1800; tick++)
            {
                long switches = TotalSwitches(controller);
                long published = rig.Link.Count;
                long attempts = rig.Link.ConnectAttempts;
                long lines = rig.Log.Count;
                long writes = rig.Store.Writes;
                for (int z = 0; z < reasons.Length; z++)
                {
                    reasons[z] = controller.Status.Zone(z + 1).Reason;
                }

                long bytes = TickProfile.MeasureOne(rig);
                bool changed = TotalSwitches(controller) != switches || rig.Link.Count != published || rig.Link.ConnectAttempts != attempts || rig.Log.Count != lines || rig.Store.Writes != writes;
                for (int z = 0; z < reasons.Length; z++)
                {
                    changed |= !ReferenceEquals(reasons[z], controller.Status.Zone(z + 1).Reason);
                }

                if (changed)
                {
                    changedTicks++;
                    changedBytes += bytes;
                }
                else if (bytes != 0 && firstQuietAllocation == null)
                {
                    firstQuietAllocation = "tick " + tick + " allocated " + bytes + " bytes with no relay switch, no reason change, no publish, no log line and no store write (zone 1: " + controller.Status.Zone(1).Reason + ")";
                }
            }

            Assert.IsTrue(changedTicks >= 6, "the mist cycle must switch the valves (saw " + changedTicks + " changing ticks)");
            Assert.IsNull(firstQuietAllocation, firstQuietAllocation);
        }

        /// <summary>
        /// The ESP32's managed heap is about 100 KB, of which roughly half is free while the controller runs. What a
        /// tick builds when something happens (a state document, a command's ack, discovery documents at connect, a
        /// save of settings or counters) is garbage at once, but if one tick's garbage exceeds the free heap the
        /// runtime must collect inside the tick, stalling the relays. A third of the heap (32 KB, measured on the
        /// host: .NET strings are UTF-16, so the device's figure is smaller) is the most one tick may allocate.
        /// </summary>
        [TestMethod]
        [TestCategory("Footprint")]
        public void NoTickAllocatesMoreThanAThirdOfTheDeviceHeap()
        {
            const long limit = 32 * 1024;
            SteadyStateRig start = new SteadyStateRig(HumidityProfile.MistCycle, SteadyStateRig.WithBroker(new[] { "zones", "4" }), 0);
            TickProfile burst = TickProfile.Measure(start, 60);
            SteadyStateRig rig = SteadyStateRig.FourZones(HumidityProfile.MistCycle);
            TickProfile cycle = TickProfile.Measure(rig, 1800);

            Assert.IsTrue(cycle.StoreWrites > 0, "the mist cycle must save the control counters at least once in 30 minutes");
            string report = burst.Describe("start and connect-time burst (first 60 ticks)") + " | " + cycle.Describe("mist cycle (valves switching, counters saved)");
            Assert.IsTrue(burst.MaxTickBytes <= limit && cycle.MaxTickBytes <= limit, report);
        }

        /// <summary>Checks the measurement itself: a tick that must build a string is seen to allocate.</summary>
        [TestMethod]
        [TestCategory("Footprint")]
        public void MeasurementSeesAnAllocatingTick()
        {
            SteadyStateRig rig = SteadyStateRig.FourZones(HumidityProfile.Wiggle);
            Assert.IsTrue(rig.Controller.Commands.ApplySetting("zone1.band", "1", "test").Ok);
            Assert.IsTrue(rig.Controller.Commands.ApplySetting("zone1.target_rh", "95", "test").Ok);

            // The engine pre-runs the pump before it opens a valve, so allow a few ticks.
            long bytes = 0;
            for (int i = 0; i < 30 && !rig.Controller.Status.Valve(1).IsOn; i++)
            {
                bytes += TickProfile.MeasureOne(rig);
            }

            Assert.IsTrue(rig.Controller.Status.Valve(1).IsOn, "zone 1 should start misting below 94 %: " + rig.Controller.Status.Zone(1).Reason);
            Assert.IsTrue(bytes > 0, "switching on logs and builds a reason string, so the counter must see bytes");
        }

        private static long TotalSwitches(Controller controller)
        {
            long total = controller.Status.Pump.SwitchCount + controller.Status.Fan.SwitchCount;
            for (int z = 1; z <= 4; z++)
            {
                total += controller.Status.Valve(z).SwitchCount;
            }

            return total;
        }
    }
}
