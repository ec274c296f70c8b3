using System;
using System.Reflection;
using Greenhouse.App;

namespace Greenhouse.Faults
{
    /// <summary>Wraps a simulator's ports with the fault decorators in one call.</summary>
    public static class FaultPorts
    {
        /// <summary>
        /// A new <see cref="ControllerPorts"/> with the sensors, tank switch, clock and MQTT link wrapped (null ports stay
        /// null; a <see cref="SimulatedWifi"/> in <c>Wifi</c> gates the wrapped link); every other field (relays, store, control-state persistence, MAC address, log, and any field added
        /// later) is carried over as it is. Build it once per run and reuse it for every controller built after a power
        /// cut, so a stuck sensor stays stuck across the restart.
        /// </summary>
        public static ControllerPorts Wrap(ControllerPorts inner, IFaultState faults, Action<bool> onConnectionChanged = null)
        {
            if (inner == null)
            {
                throw new ArgumentNullException(nameof(inner));
            }

            // Copy every public field first, so a port the decorators do not know about is never dropped.
            ControllerPorts wrapped = new ControllerPorts();
            foreach (FieldInfo field in typeof(ControllerPorts).GetFields(BindingFlags.Public | BindingFlags.Instance))
            {
                field.SetValue(wrapped, field.GetValue(inner));
            }

            int sensors = inner.Sensors == null ? 0 : inner.Sensors.Length;
            wrapped.Sensors = new Greenhouse.Ports.IClimateSensor[Math.Max(2, sensors)];
            for (int i = 0; i < sensors; i++)
            {
                wrapped.Sensors[i] = inner.Sensors[i] == null ? null : i < 2 ? new FaultySensor(inner.Sensors[i], i + 1, faults) : inner.Sensors[i];
            }

            wrapped.TankSwitch = inner.TankSwitch == null ? null : new FaultyInput(inner.TankSwitch, faults);
            wrapped.Clock = inner.Clock == null ? null : new FaultyClock(inner.Clock, faults);
            // A simulated Wi-Fi station gates the link: off its network, the board has no network at all.
            wrapped.Mqtt = inner.Mqtt == null ? null : new FaultyMqttLink(inner.Mqtt, faults, onConnectionChanged, inner.Wifi as SimulatedWifi);
            return wrapped;
        }
    }
}
