using System;
using Greenhouse.Ports;

namespace Greenhouse.Faults
{
    /// <summary>
    /// A climate sensor with injected faults. Precedence when several apply: sensor-dead (NotPresent, no reading)
    /// &gt; i2c-errors (BusError on the seeded share of reads) &gt; sensor-stuck (Ok with the last reading returned
    /// before the fault, bit for bit) &gt; sensor-saturated (the real reading with 100 %RH). Otherwise it passes through.
    /// </summary>
    public sealed class FaultySensor : IClimateSensor
    {
        private readonly IClimateSensor _inner;
        private readonly IFaultState _faults;
        private ClimateReading _lastGood;
        private bool _haveLastGood;
        private ClimateReading _frozen;
        private bool _isFrozen;

        /// <param name="inner">The simulated sensor.</param>
        /// <param name="sensor">1 (0x76) or 2 (0x77): which #N selector applies.</param>
        /// <param name="faults">Usually the <see cref="FaultInjector"/>.</param>
        public FaultySensor(IClimateSensor inner, int sensor, IFaultState faults)
        {
            if (sensor < 1 || sensor > 2)
            {
                throw new ArgumentOutOfRangeException(nameof(sensor), "sensor must be 1 or 2");
            }

            _inner = inner ?? throw new ArgumentNullException(nameof(inner));
            _faults = faults ?? throw new ArgumentNullException(nameof(faults));
            Sensor = sensor;
        }

        public int Sensor { get; }

        /// <summary>Reads answered by a fault instead of the inner sensor (dead, bus error, stuck).</summary>
        public long InjectedFailures { get; private set; }

        /// <summary>RecoverBus calls seen (passed on to the inner sensor).</summary>
        public int RecoverRequests { get; private set; }

        public SensorReadStatus TryRead(out ClimateReading reading)
        {
            if (_faults.IsActive(FaultKind.SensorDead, Sensor))
            {
                InjectedFailures++;
                reading = default;
                return SensorReadStatus.NotPresent;
            }

            if (_faults.NextReadFails(Sensor))
            {
                InjectedFailures++;
                reading = default;
                return SensorReadStatus.BusError;
            }

            if (_faults.IsActive(FaultKind.SensorStuck, Sensor))
            {
                if (!_isFrozen)
                {
                    if (!_haveLastGood)
                    {
                        SensorReadStatus first = _inner.TryRead(out reading);
                        if (first != SensorReadStatus.Ok)
                        {
                            return first;
                        }

                        _lastGood = reading;
                        _haveLastGood = true;
                    }

                    _frozen = _lastGood;
                    _isFrozen = true;
                }

                InjectedFailures++;
                reading = _frozen;
                return SensorReadStatus.Ok;
            }

            _isFrozen = false;
            SensorReadStatus status = _inner.TryRead(out reading);
            if (status != SensorReadStatus.Ok)
            {
                return status;
            }

            if (_faults.IsActive(FaultKind.SensorSaturated, Sensor))
            {
                reading.RelativeHumidityPercent = 100;
            }

            _lastGood = reading;
            _haveLastGood = true;
            return SensorReadStatus.Ok;
        }

        public void RecoverBus()
        {
            RecoverRequests++;
            _inner.RecoverBus();
        }
    }
}
