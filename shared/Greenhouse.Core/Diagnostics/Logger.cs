using System;
using Greenhouse.App;
using Greenhouse.Ports;
using Greenhouse.Text;

namespace Greenhouse.Diagnostics
{
    /// <summary>Severity of a log line.</summary>
    public enum LogLevel
    {
        Debug = 0,
        Info = 1,
        Warning = 2,
        Error = 3
    }

    /// <summary>
    /// Writes log lines a person can read and a script can parse:
    /// <c>TIME LEVEL component message key=value ...</c>. TIME is local ISO time once the clock is synced,
    /// <c>+SECONDS</c> of uptime before. Never pass secrets in.
    /// </summary>
    public sealed class Logger
    {
        private readonly ILogSink _sink;
        private readonly IClock _clock;
        private long _utcOffsetMinutes;

        public Logger(ILogSink sink, IClock clock)
        {
            _sink = sink;
            _clock = clock;
        }

        /// <summary>Lowest level written.</summary>
        public LogLevel MinimumLevel { get; set; }

        /// <summary>Local-time offset used in timestamps.</summary>
        public void SetUtcOffset(long minutes)
        {
            _utcOffsetMinutes = minutes;
        }

        public void Info(string component, string message)
        {
            Write(LogLevel.Info, component, message, null);
        }

        public void Info(string component, string message, string pairs)
        {
            Write(LogLevel.Info, component, message, pairs);
        }

        public void Warn(string component, string message, string pairs)
        {
            Write(LogLevel.Warning, component, message, pairs);
        }

        public void Error(string component, string message, string pairs)
        {
            Write(LogLevel.Error, component, message, pairs);
        }

        /// <summary>Writes one line if the level is enabled.</summary>
        public void Write(LogLevel level, string component, string message, string pairs)
        {
            if (_sink == null || level < MinimumLevel)
            {
                return;
            }

            string line = Timestamp() + " " + LevelText(level) + " " + component + " " + message;
            if (pairs != null && pairs.Length > 0)
            {
                line = line + " " + pairs;
            }

            _sink.WriteLine(line);
        }

        /// <summary>Local ISO time when synced, otherwise uptime as +seconds.</summary>
        public string Timestamp()
        {
            DateTime local;
            if (WallClock.TryGetLocal(_clock, _utcOffsetMinutes, out local))
            {
                return Iso(local);
            }

            long uptime = _clock == null ? 0 : _clock.UptimeMilliseconds;
            return "+" + Num.Format(uptime / 1000.0, 1) + "s";
        }

        /// <summary>yyyy-MM-ddTHH:mm:ss without culture.</summary>
        public static string Iso(DateTime time)
        {
            return Pad(time.Year, 4) + "-" + Pad(time.Month, 2) + "-" + Pad(time.Day, 2) + "T" + Pad(time.Hour, 2) + ":" + Pad(time.Minute, 2) + ":" + Pad(time.Second, 2);
        }

        private static string Pad(int value, int width)
        {
            string text = value.ToString();
            while (text.Length < width)
            {
                text = "0" + text;
            }

            return text;
        }

        private static string LevelText(LogLevel level)
        {
            switch (level)
            {
                case LogLevel.Debug:
                    return "DEBUG";
                case LogLevel.Info:
                    return "INFO";
                case LogLevel.Warning:
                    return "WARN";
                default:
                    return "ERROR";
            }
        }
    }
}
