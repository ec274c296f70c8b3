using System;
using Greenhouse.Ports;

namespace Greenhouse.NanoClr.Replay
{
    /// <summary>
    /// What the board's inputs read at each second of the replayed day: two BME280s that follow the recorded
    /// minute values with deterministic jitter and scripted faults, the tank float switch, and the clock (SNTP
    /// not yet synced for the first 90 s). Integer arithmetic throughout, so both runtimes see identical doubles.
    /// </summary>
    public sealed class ReplayWorld
    {
        /// <summary>UTC of second 0: 00:00 local time at UTC+8 on the recorded day.</summary>
        public static readonly DateTime StartUtc = new DateTime(2026, 6, 14, 16, 0, 0);
        /// <summary>Uptime at second 0, ms (the board booted before it controls).</summary>
        public const long BootUptimeMs = 5000;
        /// <summary>Seconds until SNTP gives the time.</summary>
        public const int ClockSyncSecond = 90;

        private readonly ReplayInput _input;
        private uint _jitter1 = 2463534242;
        private uint _jitter2 = 88172645;

        public ReplayWorld(ReplayInput input)
        {
            _input = input;
        }

        /// <summary>The second of the day being replayed.</summary>
        public int Second;

        public static int At(int hour, int minute, int second)
        {
            return hour * 3600 + minute * 60 + second;
        }

        private static bool Within(int second, int from, int seconds)
        {
            return second >= from && second < from + seconds;
        }

        private int Minute(short[] values)
        {
            int m = Second / 60;
            int f = Second % 60;
            int last = values.Length - 1;
            int a = values[m > last ? last : m];
            int b = values[m + 1 > last ? last : m + 1];
            return a + (b - a) * f / 60;
        }

        private static int Jitter(ref uint state, int amplitude)
        {
            uint x = state;
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            state = x;
            return (int)(x % (uint)(2 * amplitude + 1)) - amplitude;
        }

        /// <summary>
        /// Sensor 1 (zone 1): unplugged 10:05-10:07 (while sensor 2 is too), a bus fault at 12:00, NaN humidity at
        /// 13:00 and NaN temperature at 13:10, impossible humidity at 13:30, 0 %RH at 13:40, frost-range temperature at
        /// 13:50, no pressure channel from 14:30 to 14:40.
        /// </summary>
        public SensorReadStatus ReadSensor1(out ClimateReading reading)
        {
            reading = new ClimateReading();
            int t = Minute(_input.TemperatureCenti) + Jitter(ref _jitter1, 3);
            int rh = Minute(_input.HumidityCenti) + Jitter(ref _jitter1, 20);
            if (Within(Second, At(10, 5, 0), 120))
            {
                return SensorReadStatus.NotPresent;
            }

            if (Within(Second, At(12, 0, 0), 20))
            {
                return SensorReadStatus.BusError;
            }

            reading.TemperatureCelsius = Within(Second, At(13, 10, 0), 5) ? double.NaN
                : Within(Second, At(13, 50, 0), 3) ? -45.5
                : t / 100.0;
            reading.RelativeHumidityPercent = Within(Second, At(13, 0, 0), 5) ? double.NaN
                : Within(Second, At(13, 30, 0), 3) ? 120.0
                : Within(Second, At(13, 40, 0), 3) ? 0.0
                : Clamp(rh, 0, 10000) / 100.0;
            reading.PressureHectopascals = Within(Second, At(14, 30, 0), 600) ? double.NaN : (10080 + (Second / 600) % 40 - 20) / 10.0;
            return SensorReadStatus.Ok;
        }

        /// <summary>Sensor 2 (zone 2): 0.15 °C cooler and 1.2 %RH wetter than sensor 1's house, unplugged 10:00-10:10,
        /// reading a saturated 100 %RH from 02:00 to 04:30.</summary>
        public SensorReadStatus ReadSensor2(out ClimateReading reading)
        {
            reading = new ClimateReading();
            int t = Minute(_input.TemperatureCenti) - 15 + Jitter(ref _jitter2, 3);
            int rh = Minute(_input.HumidityCenti) + 120 + Jitter(ref _jitter2, 20);
            if (Within(Second, At(10, 0, 0), 600))
            {
                return SensorReadStatus.NotPresent;
            }

            reading.TemperatureCelsius = t / 100.0;
            reading.RelativeHumidityPercent = Within(Second, At(2, 0, 0), 9000) ? 100.0 : Clamp(rh, 0, 10000) / 100.0;
            reading.PressureHectopascals = (10078 + (Second / 600) % 40 - 20) / 10.0;
            return SensorReadStatus.Ok;
        }

        /// <summary>Tank float switch: empty 15:00-15:20, unreadable for 10 s at 15:40.</summary>
        public bool ReadTank(out bool high)
        {
            high = !Within(Second, At(15, 0, 0), 1200);
            return !Within(Second, At(15, 40, 0), 10);
        }

        public long UptimeMilliseconds
        {
            get { return BootUptimeMs + Second * 1000L; }
        }

        public bool TryGetUtcNow(out DateTime utcNow)
        {
            utcNow = new DateTime(StartUtc.Ticks + Second * TimeSpan.TicksPerSecond);
            return Second >= ClockSyncSecond;
        }

        private static int Clamp(int value, int low, int high)
        {
            return value < low ? low : value > high ? high : value;
        }
    }
}
