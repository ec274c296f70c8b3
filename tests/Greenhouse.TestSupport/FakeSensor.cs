using System;
using Greenhouse.Ports;

namespace Greenhouse.TestSupport
{
    /// <summary>
    /// A climate sensor whose reads are scripted: queued reads (<see cref="Then"/>) are played first, in order; then
    /// <see cref="FailNext"/> reads fail with <see cref="FailStatus"/>; after that every read returns the steady
    /// <see cref="Temperature"/>, <see cref="Humidity"/>, <see cref="Pressure"/> with <see cref="Status"/>. With
    /// <see cref="Throws"/> the adapter breaks its contract and throws. Reading it never allocates.
    /// </summary>
    public sealed class FakeSensor : IClimateSensor
    {
        /// <summary>Most reads a script can hold.</summary>
        public const int ScriptCapacity = 64;

        public SensorReadStatus Status = SensorReadStatus.Ok;
        public double Temperature = 20;
        public double Humidity = 80;
        public double Pressure = 1000;
        /// <summary>The next this many reads (after the script) fail with <see cref="FailStatus"/>.</summary>
        public int FailNext;
        public SensorReadStatus FailStatus = SensorReadStatus.BusError;
        /// <summary>Read and bus recovery throw, as a faulty driver would.</summary>
        public bool Throws;
        public int Reads;
        public int RecoverRequests;

        /// <summary>Steady 20 °C, 80 %RH, 1000 hPa.</summary>
        public FakeSensor()
        {
        }

        /// <summary>Steady at the given temperature and humidity (1000 hPa).</summary>
        public FakeSensor(double celsius, double relativeHumidity)
        {
            Temperature = celsius;
            Humidity = relativeHumidity;
        }

        private SensorReadStatus[] _scriptStatus;
        private double[] _scriptCelsius;
        private double[] _scriptRh;
        private int _scriptCount;
        private int _scriptNext;

        /// <summary>Queues one read to come before the steady values (pressure is the steady <see cref="Pressure"/>).</summary>
        public FakeSensor Then(SensorReadStatus status, double celsius, double relativeHumidity)
        {
            if (_scriptStatus == null)
            {
                _scriptStatus = new SensorReadStatus[ScriptCapacity];
                _scriptCelsius = new double[ScriptCapacity];
                _scriptRh = new double[ScriptCapacity];
            }

            if (_scriptCount == ScriptCapacity)
            {
                throw new InvalidOperationException("the sensor script holds at most 64 reads");
            }

            _scriptStatus[_scriptCount] = status;
            _scriptCelsius[_scriptCount] = celsius;
            _scriptRh[_scriptCount] = relativeHumidity;
            _scriptCount++;
            return this;
        }

        /// <summary>Queued reads not played yet.</summary>
        public int Pending
        {
            get { return _scriptCount - _scriptNext; }
        }

        public SensorReadStatus TryRead(out ClimateReading reading)
        {
            Reads++;
            if (Throws)
            {
                throw new InvalidOperationException("i2c driver fault");
            }

            reading = new ClimateReading();
            reading.PressureHectopascals = Pressure;
            if (_scriptNext < _scriptCount)
            {
                reading.TemperatureCelsius = _scriptCelsius[_scriptNext];
                reading.RelativeHumidityPercent = _scriptRh[_scriptNext];
                return _scriptStatus[_scriptNext++];
            }

            reading.TemperatureCelsius = Temperature;
            reading.RelativeHumidityPercent = Humidity;
            if (FailNext > 0)
            {
                FailNext--;
                return FailStatus;
            }

            return Status;
        }

        public void RecoverBus()
        {
            RecoverRequests++;
            if (Throws)
            {
                throw new InvalidOperationException("recovery fault");
            }
        }
    }
}
