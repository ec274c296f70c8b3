namespace Greenhouse.NanoClr.Replay
{
    /// <summary>
    /// The recorded day the replay feeds the controller: zone 1's sensor temperature and humidity once a minute, in
    /// hundredths (°C × 100, %RH × 100), taken from the simulator's recorded MQTT day (tests/recorded/mqtt-day.csv).
    /// Integers, so the host and the device start from the same bits; every value the sensors report is derived from
    /// them with integer arithmetic and one division by 100.0 (<see cref="ReplayWorld"/>).
    /// </summary>
    public sealed class ReplayInput
    {
        public short[] TemperatureCenti;
        public short[] HumidityCenti;

        public ReplayInput(short[] temperatureCenti, short[] humidityCenti)
        {
            TemperatureCenti = temperatureCenti;
            HumidityCenti = humidityCenti;
        }

        /// <summary>Seconds the replay runs: one day, or fewer when the recording is shorter.</summary>
        public int Seconds
        {
            get
            {
                int minutes = TemperatureCenti.Length < HumidityCenti.Length ? TemperatureCenti.Length : HumidityCenti.Length;
                int seconds = (minutes - 1) * 60;
                return seconds < ReplayDay.DaySeconds ? seconds : ReplayDay.DaySeconds;
            }
        }
    }
}
