using Greenhouse.Climate;
using Greenhouse.Ports;

namespace Greenhouse.Sensing
{
    /// <summary>
    /// One climate sensor as the controller sees it: the last good reading, its derived values, and a health
    /// verdict. A reading counts only in the tick it was taken; a failed read never leaves an old value looking fresh.
    /// </summary>
    public sealed class SensorChannel
    {
        /// <summary>Consecutive failed reads after which the sensor is Failed (and the bus recovery is asked for).</summary>
        public const int FailAfterErrors = 3;

        private readonly IClimateSensor _port;
        private int _consecutiveErrors;

        public SensorChannel(string name, IClimateSensor port)
        {
            Name = name;
            _port = port;
            Health = port == null ? SensorHealth.Absent : SensorHealth.Suspect;
            Reason = port == null ? "not fitted" : "no reading yet";
        }

        public string Name { get; private set; }
        public SensorHealth Health { get; private set; }
        /// <summary>Why the health is what it is ("ok", "bus error x3", "rh out of range").</summary>
        public string Reason { get; private set; }
        /// <summary>True when the last Update produced a usable reading.</summary>
        public bool Fresh { get; private set; }
        public double TemperatureCelsius { get; private set; }
        public double RelativeHumidityPercent { get; private set; }
        public double PressureHectopascals { get; private set; }
        public double DewPointCelsius { get; private set; }
        public double VapourPressureDeficitKilopascals { get; private set; }
        public double AbsoluteHumidityGramsPerCubicMetre { get; private set; }
        /// <summary>Failed reads since start (I2C errors and invalid data).</summary>
        public long ErrorCount { get; private set; }

        /// <summary>Reads the sensor once and updates health. Returns true when the reading is usable.</summary>
        public bool Update()
        {
            Fresh = false;
            if (_port == null)
            {
                return false;
            }

            ClimateReading reading;
            SensorReadStatus status = _port.TryRead(out reading);
            string problem = null;
            if (status != SensorReadStatus.Ok)
            {
                problem = status == SensorReadStatus.BusError ? "bus error" : status == SensorReadStatus.NotPresent ? "not answering" : "invalid data";
            }
            else if (!(reading.TemperatureCelsius >= -40 && reading.TemperatureCelsius <= 85))
            {
                problem = "temperature out of range";
            }
            else if (!(reading.RelativeHumidityPercent >= 0 && reading.RelativeHumidityPercent <= 100))
            {
                problem = "rh out of range";
            }

            if (problem != null)
            {
                ErrorCount++;
                _consecutiveErrors++;
                if (_consecutiveErrors >= FailAfterErrors)
                {
                    if (Health != SensorHealth.Failed)
                    {
                        Health = SensorHealth.Failed;
                        Reason = problem;
                    }

                    if (_consecutiveErrors % FailAfterErrors == 0 && status == SensorReadStatus.BusError)
                    {
                        _port.RecoverBus();
                    }
                }
                else if (Health == SensorHealth.Ok)
                {
                    Health = SensorHealth.Suspect;
                    Reason = problem;
                }

                return false;
            }

            _consecutiveErrors = 0;
            TemperatureCelsius = reading.TemperatureCelsius;
            RelativeHumidityPercent = reading.RelativeHumidityPercent;
            PressureHectopascals = reading.PressureHectopascals;
            DewPointCelsius = Psychrometrics.DewPointCelsius(reading.TemperatureCelsius, reading.RelativeHumidityPercent);
            VapourPressureDeficitKilopascals = Psychrometrics.VapourPressureDeficitKilopascals(reading.TemperatureCelsius, reading.RelativeHumidityPercent);
            AbsoluteHumidityGramsPerCubicMetre = Psychrometrics.AbsoluteHumidityGramsPerCubicMetre(reading.TemperatureCelsius, reading.RelativeHumidityPercent);
            if (Health != SensorHealth.Ok)
            {
                Health = SensorHealth.Ok;
                Reason = "ok";
            }

            Fresh = true;
            return true;
        }
    }
}
