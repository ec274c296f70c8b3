namespace Greenhouse.Sensing
{
    /// <summary>How far a sensor's readings can be trusted.</summary>
    public enum SensorHealth
    {
        /// <summary>Fresh, plausible readings.</summary>
        Ok = 0,
        /// <summary>Recent errors or odd readings; values are not acted on.</summary>
        Suspect = 1,
        /// <summary>No usable readings; control falls back to a safe program.</summary>
        Failed = 2,
        /// <summary>No sensor fitted at this position.</summary>
        Absent = 3
    }
}
