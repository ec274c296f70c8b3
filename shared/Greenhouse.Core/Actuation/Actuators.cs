using Greenhouse.Control;
using Greenhouse.Diagnostics;
using Greenhouse.Ports;
using Greenhouse.Settings;

namespace Greenhouse.Actuation
{
    /// <summary>
    /// Everything that drives a relay: the water path (pump and valves) and the fan, applying the control
    /// engine's decisions, and the relay wear watch. The only place relays are switched.
    /// </summary>
    public sealed class Actuators
    {
        private readonly RelayChannel _pump;
        private readonly RelayChannel[] _valves = new RelayChannel[ControllerSettings.MaxZones];
        private readonly WaterPath _water;
        private readonly FanDrive _fan;
        private readonly RelayWear _wear;
        private readonly ControlEngine _engine;

        /// <param name="valves">Valve relays of zones 1..4 at index 0..3 (null or missing entries: not fitted).</param>
        public Actuators(IRelay pump, IRelay[] valves, IRelay fan, ControlEngine engine, AlarmSet alarms, Logger log)
        {
            _engine = engine;
            _pump = new RelayChannel("pump", pump);
            for (int i = 0; i < _valves.Length; i++)
            {
                _valves[i] = new RelayChannel("valve" + (i + 1).ToString(), valves != null && valves.Length > i ? valves[i] : null);
            }

            _water = new WaterPath(_pump, _valves, engine.Zones, engine.Limits, log);
            _fan = new FanDrive(new RelayChannel("fan", fan), log);
            _wear = new RelayWear(engine.Limits, alarms);
        }

        public WaterPath Water
        {
            get { return _water; }
        }

        public FanDrive Fan
        {
            get { return _fan; }
        }

        public RelayChannel Pump
        {
            get { return _pump; }
        }

        /// <summary>Zone 1..4's valve.</summary>
        public RelayChannel Valve(int zone)
        {
            return _valves[zone - 1];
        }

        /// <summary>True when the last tick switched the fan.</summary>
        public bool FanSwitched { get; private set; }

        /// <summary>Every relay off at once, without a decision (start, reboot).</summary>
        public void AllOff(ReasonCode code)
        {
            _water.AllOff(code);
            _fan.ForceOff(code);
            _engine.Ventilation.ForcedOff(code);
        }

        /// <summary>Applies the engine's last decision: closes, opens, pump, fan; then checks wear.</summary>
        public void Apply(long nowMs)
        {
            ControlContext c = _engine.Context;
            for (int i = 0; i < _valves.Length; i++)
            {
                _water.ApplyClose(i, nowMs);
            }

            _water.Apply(nowMs, c.TankHasWater, _engine.ZoneCount, _engine.Climates);
            FanSwitched = _fan.Apply(_engine.Ventilation, nowMs);
            _wear.Check(_valves, _pump, _fan.Relay, nowMs);
        }
    }
}
