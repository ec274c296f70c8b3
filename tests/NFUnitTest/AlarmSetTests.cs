using Greenhouse.Diagnostics;
using Greenhouse.TestSupport;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace Greenhouse.Tests
{
    /// <summary>The alarm set is the one owner of alarms: it records and logs each transition once.</summary>
    [TestClass]
    public class AlarmSetTests
    {
        private static AlarmSet NewSet(FakeLog sink)
        {
            FakeClock clock = new FakeClock();
            clock.Uptime = 5000;
            return new AlarmSet(new Logger(sink, clock));
        }

        [TestMethod]
        public void TwoChangesInOneTickAreBothRecordedInOrder()
        {
            FakeLog sink = new FakeLog();
            AlarmSet alarms = NewSet(sink);
            alarms.Raise(AlarmCodes.TankEmpty, 0, "float switch low", 5000);
            alarms.Raise(AlarmCodes.NoEffect, 2, "3 pulses", 5000);
            alarms.Clear(AlarmCodes.TankEmpty, 0, 5000);

            AlarmTransition first = alarms.TransitionAfter(0);
            AlarmTransition second = alarms.TransitionAfter(first.Sequence);
            AlarmTransition third = alarms.TransitionAfter(second.Sequence);
            Assert.AreEqual(AlarmCodes.TankEmpty, first.Code);
            Assert.IsTrue(first.Raised);
            Assert.AreEqual(AlarmCodes.NoEffect, second.Code);
            Assert.AreEqual(2, second.Zone);
            Assert.AreEqual(AlarmCodes.TankEmpty, third.Code);
            Assert.IsFalse(third.Raised);
            Assert.IsNull(alarms.TransitionAfter(third.Sequence));
            Assert.AreEqual(3L, alarms.LastSequence);
            Assert.AreEqual(1, alarms.ActiveCount);
        }

        [TestMethod]
        public void EachTransitionIsLoggedOnceAndRepeatsAreNot()
        {
            FakeLog sink = new FakeLog();
            AlarmSet alarms = NewSet(sink);
            alarms.Raise(AlarmCodes.NoEffect, 2, "3 pulses", 5000);
            alarms.Raise(AlarmCodes.NoEffect, 2, "4 pulses", 6000);
            alarms.Set(AlarmCodes.NoEffect, 2, true, "5 pulses", 7000);
            Assert.AreEqual(1, sink.Count);
            Assert.AreEqual("+5.0s WARN alarm raised code=no_effect zone=2 detail=\"3 pulses\"", sink.Lines[0]);
            alarms.Clear(AlarmCodes.NoEffect, 2, 8000);
            alarms.Clear(AlarmCodes.NoEffect, 2, 9000);
            Assert.AreEqual(2, sink.Count);
            Assert.AreEqual("+5.0s INFO alarm cleared code=no_effect zone=2", sink.Lines[1]);
            Assert.AreEqual(2L, alarms.LastSequence);
        }

        [TestMethod]
        public void AReaderFarBehindSeesTheGap()
        {
            AlarmSet alarms = new AlarmSet(null);
            for (int i = 0; i < AlarmSet.TransitionCapacity + 4; i++)
            {
                alarms.Set(AlarmCodes.TankEmpty, 0, i % 2 == 0, "low", i);
            }

            AlarmTransition oldest = alarms.TransitionAfter(0);
            Assert.AreEqual(5L, oldest.Sequence);
        }
    }
}
