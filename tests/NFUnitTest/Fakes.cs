using System;
using Greenhouse.Ports;

namespace Greenhouse.Tests
{
    /// <summary>A sensor whose next reading the test sets.</summary>
    public sealed class FakeSensor : IClimateSensor
    {
        public SensorReadStatus Status = SensorReadStatus.Ok;
        public double Temperature = 20;
        public double Humidity = 80;
        public double Pressure = 1000;
        public int RecoverRequests;
        public int Reads;

        public SensorReadStatus TryRead(out ClimateReading reading)
        {
            Reads++;
            reading = new ClimateReading();
            reading.TemperatureCelsius = Temperature;
            reading.RelativeHumidityPercent = Humidity;
            reading.PressureHectopascals = Pressure;
            return Status;
        }

        public void RecoverBus()
        {
            RecoverRequests++;
        }
    }

    /// <summary>A relay that records what it was told.</summary>
    public sealed class FakeRelay : IRelay
    {
        public bool Energised;
        public int Writes;

        public void Set(bool energised)
        {
            Energised = energised;
            Writes++;
        }
    }

    /// <summary>A float switch or other input.</summary>
    public sealed class FakeInput : IDigitalInput
    {
        public bool High = true;
        public bool Readable = true;

        public bool TryRead(out bool high)
        {
            high = High;
            return Readable;
        }
    }

    /// <summary>A clock the test advances by hand.</summary>
    public sealed class FakeClock : IClock
    {
        public long Uptime;
        public bool Synced;
        public DateTime Utc;

        public long UptimeMilliseconds
        {
            get { return Uptime; }
        }

        public bool TryGetUtcNow(out DateTime utcNow)
        {
            utcNow = Utc;
            return Synced;
        }

        public void Advance(long milliseconds)
        {
            Uptime += milliseconds;
            Utc = new DateTime(Utc.Ticks + milliseconds * TimeSpan.TicksPerMillisecond);
        }
    }

    /// <summary>Collects log lines.</summary>
    public sealed class FakeLog : ILogSink
    {
        public string[] Lines = Greenhouse.Text.StringArray.New(256);
        public int Count;

        public void WriteLine(string line)
        {
            Lines[Count % Lines.Length] = line;
            Count++;
        }

        public string Last
        {
            get { return Count == 0 ? null : Lines[(Count - 1) % Lines.Length]; }
        }
    }
}
