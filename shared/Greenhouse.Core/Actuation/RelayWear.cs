using Greenhouse.Control;
using Greenhouse.Diagnostics;
using Greenhouse.Settings;
using Greenhouse.Text;

namespace Greenhouse.Actuation
{
    /// <summary>
    /// Contact wear: relay_wear is raised for a valve (its zone) or for the pump or fan (the device) once the relay
    /// has switched relay.wear_warn_pct of relay.rated_ops times, so it is replaced before it welds shut.
    /// </summary>
    public sealed class RelayWear
    {
        private readonly DeviceLimits _device;
        private readonly AlarmSet _alarms;
        /// <summary>Worn state per relay: valves 1..4, then pump, then fan (pump and fan share the device alarm).</summary>
        private readonly bool[] _worn = new bool[ControllerSettings.MaxZones + 2];

        public RelayWear(ControlLimits limits, AlarmSet alarms)
        {
            _device = limits.Device;
            _alarms = alarms;
        }

        public void Check(RelayChannel[] valves, RelayChannel pump, RelayChannel fan, long nowMs)
        {
            long limit = _device.RelayRatedOps * _device.RelayWearWarnPct / 100;
            for (int i = 0; i < valves.Length; i++)
            {
                Check(i, valves[i], i + 1, limit, nowMs);
            }

            Check(ControllerSettings.MaxZones, pump, 0, limit, nowMs);
            Check(ControllerSettings.MaxZones + 1, fan, 0, limit, nowMs);
        }

        private void Check(int slot, RelayChannel relay, int zone, long limit, long nowMs)
        {
            bool worn = relay.SwitchCount >= limit;
            if (worn == _worn[slot])
            {
                return;
            }

            _worn[slot] = worn;
            bool active = zone == 0 ? _worn[ControllerSettings.MaxZones] || _worn[ControllerSettings.MaxZones + 1] : worn;
            if (worn)
            {
                _alarms.Raise(AlarmCodes.RelayWear, zone, relay.Name + " " + Num.Format(relay.SwitchCount) + " of " + Num.Format(_device.RelayRatedOps) + " ops", nowMs);
            }
            else if (!active)
            {
                _alarms.Clear(AlarmCodes.RelayWear, zone, nowMs);
            }
        }
    }
}
