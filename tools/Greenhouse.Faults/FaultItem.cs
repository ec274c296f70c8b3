using System;

namespace Greenhouse.Faults
{
    /// <summary>One item of a fault schedule: a kind, an optional sensor and parameter, and when it applies.</summary>
    public sealed class FaultItem : IEquatable<FaultItem>
    {
        public FaultItem(FaultKind kind, int sensor, int parameter, FaultTiming timing)
        {
            if (sensor < 0 || sensor > 2 || (sensor != 0 && !FaultKinds.TakesSensor(kind)))
            {
                throw new ArgumentOutOfRangeException(nameof(sensor));
            }

            if (timing == null || timing.IsInstant != FaultKinds.IsInstant(kind))
            {
                throw new ArgumentException(FaultKinds.Name(kind) + (FaultKinds.IsInstant(kind) ? " needs a single time" : " needs a window"), nameof(timing));
            }

            Kind = kind;
            Sensor = sensor;
            Parameter = FaultKinds.TakesParameter(kind) ? parameter : 0;
            Timing = timing;
        }

        public FaultKind Kind { get; }

        /// <summary>Sensor 1 (0x76) or 2 (0x77) for sensor kinds; 0 = both sensors (the default).</summary>
        public int Sensor { get; }

        /// <summary>i2c-errors: percent of reads that fail (1..100); clock-jump: minutes (signed, not 0); 0 otherwise.</summary>
        public int Parameter { get; }

        public FaultTiming Timing { get; }

        /// <summary>True when this item affects the given sensor (1 or 2); sensor 0 asks "any sensor".</summary>
        public bool AppliesToSensor(int sensor)
        {
            return Sensor == 0 || sensor == 0 || Sensor == sensor;
        }

        /// <summary>The item in canonical spec form, e.g. <c>i2c-errors#2:30@06:00-10:00</c>.</summary>
        public override string ToString()
        {
            string text = FaultKinds.Name(Kind);
            if (Sensor != 0)
            {
                text += "#" + Sensor;
            }

            if (Kind == FaultKind.I2cErrors && Parameter != FaultKinds.DefaultParameter(Kind))
            {
                text += ":" + Parameter;
            }
            else if (Kind == FaultKind.ClockJump && Parameter != FaultKinds.DefaultParameter(Kind))
            {
                text += ":" + (Parameter > 0 ? "+" : "") + Parameter;
            }

            return text + "@" + Timing;
        }

        public bool Equals(FaultItem other)
        {
            return other != null && Kind == other.Kind && Sensor == other.Sensor && Parameter == other.Parameter && Timing.Equals(other.Timing);
        }

        public override bool Equals(object obj) => Equals(obj as FaultItem);

        public override int GetHashCode() => HashCode.Combine(Kind, Sensor, Parameter, Timing);
    }
}
