using System;

namespace Greenhouse.Faults
{
    /// <summary>The faults the simulator can inject. Spec names are in <see cref="FaultKinds"/>.</summary>
    public enum FaultKind
    {
        /// <summary>The sensor keeps returning its last reading, frozen.</summary>
        SensorStuck,
        /// <summary>The sensor does not answer (NotPresent).</summary>
        SensorDead,
        /// <summary>The sensor reads 100 %RH (water film on the element).</summary>
        SensorSaturated,
        /// <summary>A share of reads fail with BusError.</summary>
        I2cErrors,
        /// <summary>The broker is unreachable: the link reports disconnected, publishes fail, connects never succeed.</summary>
        BrokerDown,
        /// <summary>No Wi-Fi: the link reports disconnected, publishes fail, connect attempts cannot even start.</summary>
        WifiDown,
        /// <summary>Instantaneous: the wall clock jumps by some minutes; uptime does not.</summary>
        ClockJump,
        /// <summary>The wall clock is not synchronised (TryGetUtcNow returns false).</summary>
        ClockUnsynced,
        /// <summary>The tank float switch reads low.</summary>
        TankEmpty,
        /// <summary>Instantaneous: power is lost; the runner restarts the controller from its stored settings.</summary>
        PowerCut,
    }

    /// <summary>Names and properties of each <see cref="FaultKind"/>.</summary>
    public static class FaultKinds
    {
        /// <summary>Every kind, in declaration order.</summary>
        public static readonly FaultKind[] All = (FaultKind[])Enum.GetValues(typeof(FaultKind));

        /// <summary>The name used in fault specs ("sensor-stuck").</summary>
        public static string Name(FaultKind kind)
        {
            switch (kind)
            {
                case FaultKind.SensorStuck: return "sensor-stuck";
                case FaultKind.SensorDead: return "sensor-dead";
                case FaultKind.SensorSaturated: return "sensor-saturated";
                case FaultKind.I2cErrors: return "i2c-errors";
                case FaultKind.BrokerDown: return "broker-down";
                case FaultKind.WifiDown: return "wifi-down";
                case FaultKind.ClockJump: return "clock-jump";
                case FaultKind.ClockUnsynced: return "clock-unsynced";
                case FaultKind.TankEmpty: return "tank-empty";
                case FaultKind.PowerCut: return "power-cut";
                default: throw new ArgumentOutOfRangeException(nameof(kind));
            }
        }

        /// <summary>Looks a spec name up (case-insensitive).</summary>
        public static bool TryParse(string name, out FaultKind kind)
        {
            foreach (FaultKind k in All)
            {
                if (string.Equals(Name(k), name, StringComparison.OrdinalIgnoreCase))
                {
                    kind = k;
                    return true;
                }
            }

            kind = default;
            return false;
        }

        /// <summary>True for kinds that happen at one moment (clock-jump, power-cut) rather than over a window.</summary>
        public static bool IsInstant(FaultKind kind)
        {
            return kind == FaultKind.ClockJump || kind == FaultKind.PowerCut;
        }

        /// <summary>True for kinds that accept a sensor selector (#1 or #2).</summary>
        public static bool TakesSensor(FaultKind kind)
        {
            return kind == FaultKind.SensorStuck || kind == FaultKind.SensorDead || kind == FaultKind.SensorSaturated || kind == FaultKind.I2cErrors;
        }

        /// <summary>True for kinds that accept a :parameter (i2c-errors: percent; clock-jump: signed minutes).</summary>
        public static bool TakesParameter(FaultKind kind)
        {
            return kind == FaultKind.I2cErrors || kind == FaultKind.ClockJump;
        }

        /// <summary>The parameter used when none is given (50 % bus errors; +60 min clock jump); 0 for others.</summary>
        public static int DefaultParameter(FaultKind kind)
        {
            return kind == FaultKind.I2cErrors ? 50 : kind == FaultKind.ClockJump ? 60 : 0;
        }
    }
}
