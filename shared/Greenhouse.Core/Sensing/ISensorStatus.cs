namespace Greenhouse.Sensing
{
    /// <summary>One climate sensor position as readers see it: its health and last validated reading.</summary>
    public interface ISensorStatus
    {
        /// <summary>"sensor1" or "sensor2".</summary>
        string Name { get; }
        SensorHealth Health { get; }

        /// <summary>True when the last reading is recent enough to use.</summary>
        bool Fresh { get; }
        double TemperatureCelsius { get; }
        double RelativeHumidityPercent { get; }
        double PressureHectopascals { get; }
        double DewPointCelsius { get; }
        double VapourPressureDeficitKilopascals { get; }

        /// <summary>Read errors since start.</summary>
        long ErrorCount { get; }

        /// <summary>Reads retried after a bus error since start.</summary>
        long RetryCount { get; }

        /// <summary>Why the sensor has its health ("ok", "stuck", "rh_step" …).</summary>
        string Reason { get; }
    }
}
