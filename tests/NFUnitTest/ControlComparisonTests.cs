using Greenhouse.Actuation;
using Greenhouse.App;
using Greenhouse.Control;
using Greenhouse.Settings;
using Greenhouse.TestSupport;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace Greenhouse.Tests
{
    /// <summary>
    /// Pulse-and-settle against plain hysteresis on a simple house model: first-order humidity with leakage (time constant 1 h
    /// towards 70 %, wet bags keep the house moist), a sensor that sees the house with 90 s transport delay and 30 s lag, and a mist plume that
    /// reads up to +3 % on the sensor while the nozzles run (domain §6, anchors §9.2).
    /// </summary>
    [TestClass]
    public class ControlComparisonTests
    {
        private sealed class House
        {
            public double Humidity = 86;
            public double Sensor = 86;
            public double Plume;
            private readonly double[] _delay = new double[90];
            private readonly double _plumeGain;
            private int _at;
            private uint _seed = 12345;

            public House(double plumeGain)
            {
                _plumeGain = plumeGain;
                for (int i = 0; i < _delay.Length; i++)
                {
                    _delay[i] = Humidity;
                }
            }

            /// <summary>One second of the model; returns what the sensor reads.</summary>
            public double Step(bool misting)
            {
                Humidity += (70 - Humidity) / 3600.0 + (misting ? 0.08 : 0);
                if (Humidity > 100)
                {
                    Humidity = 100;
                }

                double delayed = _delay[_at];
                _delay[_at] = Humidity;
                _at = (_at + 1) % _delay.Length;
                Sensor += (delayed - Sensor) / 30.0;
                Plume += -Plume / 10.0 + (misting ? _plumeGain : 0);
                // Sensor noise of +-0.5 % (BME280 hysteresis is +-1 %), from a fixed pseudo-random sequence.
                _seed = _seed * 1103515245 + 12345;
                double noise = ((_seed >> 16) & 0x7FFF) / 32767.0 - 0.5;
                double reading = Sensor + Plume + (_plumeGain > 0 ? noise : 0);
                return reading > 100 ? 100 : reading;
            }
        }

        private sealed class Result
        {
            public int Cycles;
            public double PeakAboveTarget;
            public double MeanHumidity;
        }

        private const int Seconds = 6 * 3600;
        private const int WarmUp = 1800;

        private static Result RunHysteresis(double plumeGain)
        {
            ControllerSettings settings = new ControllerSettings(SettingsCatalog.All());
            FakeRelay relay = new FakeRelay();
            RelayChannel valve = new RelayChannel("valve1", relay);
            HysteresisZone zone = new HysteresisZone(1, valve, settings);
            House house = new House(plumeGain);
            Result result = new Result();
            double reading = house.Step(false);
            double sum = 0;
            for (int t = 1; t <= Seconds; t++)
            {
                bool was = relay.Energised;
                zone.Update(t * 1000L, true, reading);
                reading = house.Step(relay.Energised);
                Measure(result, house, t, was, relay.Energised, ref sum);
            }

            result.MeanHumidity = sum / (Seconds - WarmUp);
            return result;
        }

        private static Result RunPulseAndSettle(double plumeGain)
        {
            ControlRig rig = new ControlRig();
            rig.Set("pump.prerun_s", "0");
            rig.Set("season.summer", "off");
            rig.SetLocal(2026, 5, 10, 6, 0);
            House house = new House(plumeGain);
            Result result = new Result();
            double sum = 0;
            rig.Climate(1, 20, house.Step(false));
            for (int t = 1; t <= Seconds; t++)
            {
                bool was = rig.Valves[0].Energised;
                rig.Step(1000);
                rig.Climate(1, 20, house.Step(rig.Valves[0].Energised));
                Measure(result, house, t, was, rig.Valves[0].Energised, ref sum);
            }

            result.MeanHumidity = sum / (Seconds - WarmUp);
            return result;
        }

        private static void Measure(Result result, House house, int t, bool was, bool on, ref double sum)
        {
            if (on && !was)
            {
                result.Cycles++;
            }

            if (t > WarmUp)
            {
                sum += house.Humidity;
                if (house.Humidity - 90 > result.PeakAboveTarget)
                {
                    result.PeakAboveTarget = house.Humidity - 90;
                }
            }
        }

        [TestMethod]
        public void WithMistReachingTheSensorPulseAndSettleCyclesLessAndOvershootsLess()
        {
            // Plume of up to +5 % on the sensor while misting, plus reading noise.
            Result hysteresis = RunHysteresis(0.5);
            Result pulse = RunPulseAndSettle(0.5);
            Assert.IsTrue(pulse.MeanHumidity > 85 && pulse.MeanHumidity < 93);
            Assert.IsTrue(pulse.Cycles < hysteresis.Cycles);
            Assert.IsTrue(pulse.PeakAboveTarget <= hysteresis.PeakAboveTarget + 0.5);
        }

        [TestMethod]
        public void WithoutPlumePulseAndSettleStillOvershootsLess()
        {
            // Only the transport delay: hysteresis keeps the valve open until the late reading reaches target and
            // overshoots; the sized pulse does not. (Here hysteresis needs fewer, larger doses: see docs/control.md.)
            Result hysteresis = RunHysteresis(0);
            Result pulse = RunPulseAndSettle(0);
            Assert.IsTrue(pulse.MeanHumidity > 85 && pulse.MeanHumidity < 93);
            Assert.IsTrue(hysteresis.PeakAboveTarget > 2);
            Assert.IsTrue(pulse.PeakAboveTarget < hysteresis.PeakAboveTarget - 2);
        }

        /// <summary>Figures for the documentation (host run): cycles, overshoot and mean of both controllers.</summary>
        public static string Figures(double plumeGain)
        {
            Result h = RunHysteresis(plumeGain);
            Result p = RunPulseAndSettle(plumeGain);
            return "hysteresis cycles=" + h.Cycles.ToString() + " peak+=" + h.PeakAboveTarget.ToString("F1") + " mean=" + h.MeanHumidity.ToString("F1")
                + " | pulse cycles=" + p.Cycles.ToString() + " peak+=" + p.PeakAboveTarget.ToString("F1") + " mean=" + p.MeanHumidity.ToString("F1");
        }
    }
}
