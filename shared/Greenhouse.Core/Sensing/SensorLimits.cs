using Greenhouse.Settings;

namespace Greenhouse.Sensing
{
    /// <summary>
    /// The validation thresholds one tick works with, copied from the settings by <see cref="SensorArray"/> (plain
    /// fields: copying allocates nothing). A new instance holds the documented defaults of <see cref="SensingSettings"/>.
    /// </summary>
    public sealed class SensorLimits
    {
        public int FailAfterErrors = SensingSettings.DefaultFailAfterErrors;
        public int SuspectClearReadings = SensingSettings.DefaultSuspectClearReadings;
        public int RecoverAfterReadings = SensingSettings.DefaultRecoverAfterReadings;
        public long RecoverBackoffMs = SensingSettings.DefaultRecoverBackoffSeconds * 1000L;
        public long RecoverBackoffMaxMs = SensingSettings.DefaultRecoverBackoffMaxSeconds * 1000L;
        public double MinTemperatureCelsius = SensingSettings.DefaultMinTemperature;
        public double MaxTemperatureCelsius = SensingSettings.DefaultMaxTemperature;
        /// <summary>%RH per second.</summary>
        public double MaxRhStepPerSecond = SensingSettings.DefaultMaxRhStep;
        /// <summary>°C per second.</summary>
        public double MaxTemperatureStepPerSecond = SensingSettings.DefaultMaxTemperatureStep;
        public long StuckMs = SensingSettings.DefaultStuckMinutes * 60000L;
        public double StuckChangeRh = SensingSettings.DefaultStuckChangeRh;
        public double StuckChangeTemperature = SensingSettings.DefaultStuckChangeTemperature;
        public double SaturationRh = SensingSettings.DefaultSaturationRh;
        public double SaturationClearRh = SensingSettings.DefaultSaturationClearRh;
        public long SaturationMs = (long)(SensingSettings.DefaultSaturationHours * 3600000.0);
        public long MistQuietMs = SensingSettings.DefaultMistQuietMinutes * 60000L;
        public bool DisagreeCheck = SensingSettings.DefaultDisagreeCheck;
        public double DisagreeRh = SensingSettings.DefaultDisagreeRh;
        public long DisagreeMs = SensingSettings.DefaultDisagreeMinutes * 60000L;

        /// <summary>Readings further apart than this are not compared for rate of change, ms.</summary>
        public long RateWindowMs = 60000;

        /// <summary>Cached setting indices; -1 until <see cref="Bind"/>.</summary>
        private int[] _index;

        /// <summary>Looks the sensing settings up once (throws at start-up when one is missing from the catalogue).</summary>
        public void Bind(ControllerSettings settings)
        {
            _index = new int[]
            {
                settings.Require(SensingSettings.FailAfterErrors),
                settings.Require(SensingSettings.SuspectClearReadings),
                settings.Require(SensingSettings.RecoverAfterReadings),
                settings.Require(SensingSettings.RecoverBackoffSeconds),
                settings.Require(SensingSettings.RecoverBackoffMaxSeconds),
                settings.Require(SensingSettings.MinTemperature),
                settings.Require(SensingSettings.MaxTemperature),
                settings.Require(SensingSettings.MaxRhStep),
                settings.Require(SensingSettings.MaxTemperatureStep),
                settings.Require(SensingSettings.StuckMinutes),
                settings.Require(SensingSettings.StuckChangeRh),
                settings.Require(SensingSettings.StuckChangeTemperature),
                settings.Require(SensingSettings.SaturationRh),
                settings.Require(SensingSettings.SaturationClearRh),
                settings.Require(SensingSettings.SaturationHours),
                settings.Require(SensingSettings.MistQuietMinutes),
                settings.Require(SensingSettings.DisagreeCheck),
                settings.Require(SensingSettings.DisagreeRh),
                settings.Require(SensingSettings.DisagreeMinutes),
            };
        }

        /// <summary>Copies the current setting values (after <see cref="Bind"/>). Allocates nothing.</summary>
        public void Load(ControllerSettings settings)
        {
            if (_index == null)
            {
                return;
            }

            FailAfterErrors = (int)settings.Integer(_index[0], 0);
            SuspectClearReadings = (int)settings.Integer(_index[1], 0);
            RecoverAfterReadings = (int)settings.Integer(_index[2], 0);
            RecoverBackoffMs = settings.Integer(_index[3], 0) * 1000L;
            RecoverBackoffMaxMs = settings.Integer(_index[4], 0) * 1000L;
            MinTemperatureCelsius = settings.Number(_index[5], 0);
            MaxTemperatureCelsius = settings.Number(_index[6], 0);
            MaxRhStepPerSecond = settings.Number(_index[7], 0);
            MaxTemperatureStepPerSecond = settings.Number(_index[8], 0);
            StuckMs = settings.Integer(_index[9], 0) * 60000L;
            StuckChangeRh = settings.Number(_index[10], 0);
            StuckChangeTemperature = settings.Number(_index[11], 0);
            SaturationRh = settings.Number(_index[12], 0);
            SaturationClearRh = settings.Number(_index[13], 0);
            SaturationMs = (long)(settings.Number(_index[14], 0) * 3600000.0);
            MistQuietMs = settings.Integer(_index[15], 0) * 60000L;
            DisagreeCheck = settings.Flag(_index[16], 0);
            DisagreeRh = settings.Number(_index[17], 0);
            DisagreeMs = settings.Integer(_index[18], 0) * 60000L;
        }
    }
}
