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
        private bool _outputsClosed;
        private bool _holding;

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

        /// <summary>False while the relay outputs are kept unopened (<see cref="KeepOutputsClosed"/>).</summary>
        public bool OutputsOpen
        {
            get { return !_outputsClosed; }
        }

        /// <summary>
        /// Writes no relay output until <see cref="OpenOutputs"/>: with a dead-man fitted the relay supply may still be on
        /// after a warm reboot, and opening an output drives it low for a moment on nanoFramework (energised on an
        /// active-low board). An output never written is not driven, which the relay board reads as released.
        /// </summary>
        public void KeepOutputsClosed()
        {
            _outputsClosed = true;
        }

        /// <summary>Opens every relay output, released (the relay supply has been seen off).</summary>
        public void OpenOutputs(ReasonCode code)
        {
            _outputsClosed = false;
            AllOff(code);
        }

        /// <summary>
        /// Holds every relay off while no decision may be applied (a dead-man proof runs or failed): forced off on entering
        /// the hold and whenever a relay is found on; <see cref="Apply"/> ends the hold.
        /// </summary>
        public void Hold(ReasonCode code)
        {
            if (!_holding || _pump.IsOn || _fan.Relay.IsOn || _water.AnyValveOpen)
            {
                AllOff(code);
            }

            _holding = true;
        }

        /// <summary>Every relay off at once, without a decision (start, reboot, a dead-man hold).</summary>
        public void AllOff(ReasonCode code)
        {
            if (_outputsClosed)
            {
                // Nothing has been written, so every relay is released: only the zones and the fan show why.
                for (int i = 0; i < _engine.Zones.Length; i++)
                {
                    _engine.Zones[i].ShowForcedOff(code);
                }

                _engine.Ventilation.ForcedOff(code);
                return;
            }

            _water.AllOff(code);
            _fan.ForceOff(code);
            _engine.Ventilation.ForcedOff(code);
        }

        /// <summary>Applies the engine's last decision: closes, opens, pump, fan; then checks wear.</summary>
        public void Apply(long nowMs)
        {
            if (_outputsClosed)
            {
                return;
            }

            _holding = false;
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
