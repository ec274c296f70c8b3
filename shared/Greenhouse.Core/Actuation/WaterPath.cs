using Greenhouse.Control;
using Greenhouse.Diagnostics;
using Greenhouse.Sensing;
using Greenhouse.Settings;
using Greenhouse.Text;

namespace Greenhouse.Actuation
{
    /// <summary>
    /// Applies the zones' decisions to the shared water path: closes a valve when its zone decided so, opens valves
    /// for the zones that want a pulse — at most max_open_valves at once, longest-waiting zone first, only after
    /// the pump's pre-run — runs the pump while a valve is open (plus its post-run) and never while the tank is
    /// empty. The only writer of the pump and valve relays.
    /// </summary>
    public sealed class WaterPath
    {
        private const long Never = long.MinValue / 4;

        private readonly RelayChannel _pump;
        private readonly RelayChannel[] _valves;
        private readonly MistZone[] _zones;
        private readonly DeviceLimits _device;
        private readonly Logger _log;
        private long _lastValveOpenMs = Never;

        /// <param name="valves">Zone 1..4's valve at index 0..3.</param>
        public WaterPath(RelayChannel pump, RelayChannel[] valves, MistZone[] zones, ControlLimits limits, Logger log)
        {
            _pump = pump;
            _valves = valves;
            _zones = zones;
            _device = limits.Device;
            _log = log;
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

        /// <summary>True when a valve is open.</summary>
        public bool AnyValveOpen
        {
            get
            {
                for (int i = 0; i < _zones.Length; i++)
                {
                    if (_valves[i].IsOn)
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        /// <summary>
        /// Closes the zone's valve when its decision says so — and, failing safe, when the valve is on although no
        /// pulse of its zone opened it (a relay that must not be on is switched off).
        /// </summary>
        public void ApplyClose(int index, long nowMs)
        {
            ZoneDecision d = _zones[index].Decision;
            if (d.Close)
            {
                CloseValve(index, nowMs, d.CloseCode, d.CloseA, d.CloseB);
            }
            else if (_valves[index].IsOn && !_zones[index].Pulse.Open)
            {
                CloseValve(index, nowMs, ReasonCode.ProgramStopped, 0, 0);
            }
        }

        /// <summary>Every relay of the water path off at once (start, reboot), without a decision.</summary>
        public void AllOff(ReasonCode code)
        {
            string text = Reasons.Text(code, 0, 0);
            _pump.ForceOff(text);
            for (int i = 0; i < _zones.Length; i++)
            {
                _valves[i].ForceOff(text);
                _zones[i].ShowForcedOff(code);
            }
        }

        /// <summary>After the zones decided: opens what may open, then runs or stops the pump.</summary>
        public void Apply(long nowMs, bool tank, int zoneCount, ZoneClimate[] climates)
        {
            int open = 0;
            for (int i = 0; i < _zones.Length; i++)
            {
                if (_valves[i].IsOn)
                {
                    open++;
                }
            }

            if (!tank)
            {
                // Zones closed their valves already; make sure, and stop the pump.
                for (int i = 0; i < _zones.Length; i++)
                {
                    if (_valves[i].IsOn)
                    {
                        _valves[i].ForceOff(Reasons.Text(ReasonCode.TankEmpty, 0, 0));
                        _zones[i].ShowForcedOff(ReasonCode.TankEmpty);
                    }
                }

                SetPump(false, nowMs, ReasonCode.TankEmpty);
                return;
            }

            int maxOpen = _device.MaxOpenValves;
            while (open > maxOpen)
            {
                // The limit was lowered while valves were open: close the most recently opened.
                int newest = -1;
                for (int i = 0; i < _zones.Length; i++)
                {
                    if (_valves[i].IsOn && (newest < 0 || _valves[i].OnForMs(nowMs) < _valves[newest].OnForMs(nowMs)))
                    {
                        newest = i;
                    }
                }

                CloseValve(newest, nowMs, ReasonCode.WaitingForValveSlot, 0, 0);
                _zones[newest].Yielded();
                open--;
            }

            bool pendingPreRun = false;
            while (true)
            {
                int pick = -1;
                for (int i = 0; i < zoneCount && i < _zones.Length; i++)
                {
                    ZoneDecision d = _zones[i].Decision;
                    if (d.WantsValve && !_valves[i].IsOn && (pick < 0 || d.WantSinceMs < _zones[pick].Decision.WantSinceMs))
                    {
                        pick = i;
                    }
                }

                if (pick < 0 || open >= maxOpen)
                {
                    break;
                }

                if (!_pump.IsOn)
                {
                    SetPump(true, nowMs, ReasonCode.PumpPreRun);
                }

                if (_pump.OnForMs(nowMs) < _device.PreRunMs)
                {
                    pendingPreRun = true;
                    _zones[pick].ShowWaiting(ReasonCode.WaitingForPumpPreRun);
                    // Hold the slot for this zone; the others keep waiting.
                    open++;
                    MarkWaiting(pick, zoneCount);
                    break;
                }

                OpenValve(pick, nowMs, climates[pick]);
                open++;
            }

            int nowOpen = 0;
            for (int i = 0; i < _zones.Length; i++)
            {
                if (_valves[i].IsOn)
                {
                    nowOpen++;
                }
            }

            if (nowOpen > 0)
            {
                _lastValveOpenMs = nowMs;
                SetPump(true, nowMs, ReasonCode.PumpValveOpen);
            }
            else if (pendingPreRun)
            {
                SetPump(true, nowMs, ReasonCode.PumpPreRun);
            }
            else if (_pump.IsOn && nowMs - _lastValveOpenMs < _device.PostRunMs)
            {
                // Post-run: the pump keeps running.
            }
            else
            {
                SetPump(false, nowMs, ReasonCode.PumpIdle);
            }
        }

        private void OpenValve(int index, long nowMs, ZoneClimate climate)
        {
            MistZone zone = _zones[index];
            zone.ValveOpened(nowMs, climate);
            _valves[index].Set(true, nowMs, zone.Decision.Reason);
            _log.Info("zone", "valve on", "zone=" + zone.Number.ToString() + " s=" + Num.Format(zone.Pulse.PulseMs / 1000.0, 1) + " reason=\"" + zone.Decision.Reason + "\"");
        }

        private void CloseValve(int index, long nowMs, ReasonCode code, double a, double b)
        {
            MistZone zone = _zones[index];
            RelayChannel valve = _valves[index];
            if (!valve.IsOn)
            {
                return;
            }

            string text = Reasons.Text(code, a, b);
            long openMs = valve.OnForMs(nowMs);
            valve.Set(false, nowMs, text);
            zone.ValveClosed(nowMs);
            _log.Info("zone", "valve off", "zone=" + zone.Number.ToString() + " open_s=" + Num.Format(openMs / 1000.0, 1) + " reason=\"" + text + "\"");
        }

        private void MarkWaiting(int except, int zoneCount)
        {
            for (int i = 0; i < zoneCount && i < _zones.Length; i++)
            {
                if (i != except && _zones[i].Decision.WantsValve && !_valves[i].IsOn)
                {
                    _zones[i].ShowWaiting(ReasonCode.WaitingForValveSlot);
                }
            }
        }

        private void SetPump(bool on, long nowMs, ReasonCode code)
        {
            string text = null;
            if (on != _pump.IsOn)
            {
                text = Reasons.Text(code, 0, 0);
            }

            if (_pump.Set(on, nowMs, text))
            {
                _log.Info("pump", on ? "on" : "off", "reason=\"" + text + "\"");
            }
        }
    }
}
