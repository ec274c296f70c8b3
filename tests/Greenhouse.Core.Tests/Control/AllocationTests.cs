using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Greenhouse.Tests
{
    /// <summary>The control tick allocates nothing in steady state (ESP32 heap ~100 KB); strings only on change.</summary>
    [TestClass]
    public class AllocationTests
    {
        [TestMethod]
        public void IdleTicksAllocateNothing()
        {
            ControlRig rig = new ControlRig();
            rig.Set("zones", "4");
            rig.Climate(1, 20, 89);
            rig.Climate(2, 20, 89.5);
            rig.Climate(3, 20, 90);
            rig.Climate(4, 20, 91);
            rig.Run(120, 1, 0);
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 300; i++)
            {
                rig.Climates[0].RelativeHumidityPercent = 89 + (i % 7) * 0.1;
                rig.Step(1000);
            }

            Assert.AreEqual(0L, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        [TestMethod]
        public void TicksFollowingTheFilmBetweenTopUpsAllocateNothing()
        {
            ControlRig rig = new ControlRig();
            rig.Set("zones", "4");
            for (int z = 1; z <= 4; z++)
            {
                rig.Set("zone" + z + ".film", "on");
                rig.Climate(z, 20, 95);
            }

            rig.Run(1200, 1, 0); // the wetting pulses, one valve at a time
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 600; i++)
            {
                rig.Climates[0].TemperatureCelsius = 20 + (i % 5) * 0.1;
                rig.Step(1000);
            }

            Assert.IsTrue(rig.Zone(1).Film.EarsWet && !rig.Valves[0].Energised);
            Assert.AreEqual(0L, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        [TestMethod]
        public void ALongPulseAllocatesNothingBetweenItsEdges()
        {
            ControlRig rig = new ControlRig();
            rig.Set("zone1.anticipate", "off");
            rig.Climate(1, 20, 80); // 90 s pulse
            rig.Run(10, 1, 1);
            Assert.IsTrue(rig.Valves[0].Energised);
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 60; i++)
            {
                rig.Step(1000);
            }

            Assert.IsTrue(rig.Valves[0].Energised);
            Assert.AreEqual(0L, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        [TestMethod]
        public void ReasonTextIsBuiltOnlyWhenItChanges()
        {
            ControlRig rig = new ControlRig();
            rig.Climate(1, 20, 89);
            rig.Step(1000);
            string first = rig.Zone(1).Decision.Reason;
            Assert.AreEqual("idle: rh 89.0 >= 87.0", first);
            Assert.IsTrue(ReferenceEquals(first, rig.Zone(1).Decision.Reason));
            rig.Climate(1, 20, 89.4);
            rig.Step(1000);
            Assert.AreEqual("idle: rh 89.4 >= 87.0", rig.Zone(1).Decision.Reason);
        }
    }
}
