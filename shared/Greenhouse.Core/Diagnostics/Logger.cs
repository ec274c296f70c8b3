using System;
using Greenhouse.Time;
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
    /// <c>+SECONDS</c> of uptime before. Values with spaces are quoted (use <see cref="Quote"/>).
    /// <para>
    /// Repeats are rate-limited per component+message in a window of <see cref="RepeatWindowMs"/>: an identical line
    /// (same pairs as the last one written) at most <see cref="RepeatBurst"/> times in a row, lines with other pairs
    /// (a state change) up to <see cref="KindBurst"/> in all. Further ones are counted and summarised once the window
    /// has passed as the last suppressed line with <c>repeated=N</c> appended (by <see cref="FlushRepeats"/>, called every tick, or
    /// by the next line of the same kind). Setting changes, console commands and core lifecycle lines are exempt
    /// (<see cref="IsExempt"/>).
    /// </para>
    /// <para>
    /// Never pass secrets in. As a second line of defence, once <see cref="ProtectSecrets"/> has been given the
    /// live settings, any current secret value that appears in a line is masked before it is written.
    /// </para>
    /// </summary>
    public sealed class Logger
    {
        /// <summary>Window of the repeat limiter, ms.</summary>
        public const long RepeatWindowMs = 30000;

        /// <summary>Identical lines (same component, message and pairs) written per window before further ones are suppressed.</summary>
        public const int RepeatBurst = 3;

        /// <summary>Lines of one component+message with differing pairs written per window before further ones are suppressed.</summary>
        public const int KindBurst = 10;

        /// <summary>Distinct component+message pairs the limiter tracks at once (oldest window is evicted).</summary>
        public const int RepeatSlots = 16;

        private readonly ILogSink _sink;
        private readonly IClock _clock;
        private long _utcOffsetMinutes;
        private ILogObserver _observer;
        private SecretFilter _secrets;

        private readonly RepeatLimiter _repeats;

        public Logger(ILogSink sink, IClock clock)
        {
            _sink = sink;
            _clock = clock;
            _repeats = new RepeatLimiter(this);
            MinimumLevel = LogLevel.Info;
        }

        /// <summary>Lowest level written (Info by default).</summary>
        public LogLevel MinimumLevel { get; set; }

        /// <summary>Lines suppressed by the repeat limiter since start.</summary>
        public long SuppressedCount
        {
            get { return _repeats.SuppressedTotal; }
        }

        /// <summary>Receives every written line (the event journal). One observer; null to detach.</summary>
        public ILogObserver Observer
        {
            get { return _observer; }
            set { _observer = value; }
        }

        /// <summary>Masks the current values of the secret settings wherever they would appear in a line.</summary>
        public void ProtectSecrets(SecretFilter filter)
        {
            _secrets = filter;
        }

        /// <summary>The secret filter in use, or null.</summary>
        public SecretFilter Secrets
        {
            get { return _secrets; }
        }

        /// <summary>Local-time offset used in timestamps.</summary>
        public void SetUtcOffset(long minutes)
        {
            _utcOffsetMinutes = minutes;
        }

        public void Debug(string component, string message, string pairs)
        {
            Write(LogLevel.Debug, component, message, pairs);
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

        /// <summary>Writes one line if the level is enabled and the repeat limiter lets it through.</summary>
        public void Write(LogLevel level, string component, string message, string pairs)
        {
            Write(level, component, message, pairs, true);
        }

        /// <summary>
        /// Writes one line if the level is enabled. With <paramref name="limitRepeats"/> false the line bypasses the
        /// repeat limiter (for events that must never be summarised away, such as alarm transitions).
        /// </summary>
        public void Write(LogLevel level, string component, string message, string pairs, bool limitRepeats)
        {
            if (level < MinimumLevel)
            {
                return;
            }

            if (limitRepeats && !IsExempt(component, message) && !_repeats.Pass(level, component, message, pairs, Now()))
            {
                return;
            }

            Emit(level, component, message, pairs);
        }

        /// <summary>
        /// Lines the repeat limiter never suppresses, because each one is a distinct event the journal must keep:
        /// applied setting changes (a value that did not change is not logged at all), console commands that change
        /// something, and the core's lifecycle lines (start, boot, reboot requested, factory reset).
        /// </summary>
        public static bool IsExempt(string component, string message)
        {
            if (component == "settings")
            {
                return message == "changed";
            }

            return component == "core" || (component == "console" && message == "command");
        }

        /// <summary>
        /// Writes the summaries of repeats whose window has ended. Call once per tick; allocates only when a summary
        /// is written.
        /// </summary>
        public void FlushRepeats()
        {
            _repeats.Flush(Now());
        }

        private long Now()
        {
            return _clock == null ? 0 : _clock.UptimeMilliseconds;
        }

        /// <summary>Formats and writes one line (to the sink and the observer), masking current secrets.</summary>
        internal void Emit(LogLevel level, string component, string message, string pairs)
        {
            string line = Timestamp() + " " + LevelText(level) + " " + component + " " + message;
            if (pairs != null && pairs.Length > 0)
            {
                line = line + " " + pairs;
            }

            if (_secrets != null)
            {
                line = _secrets.Apply(line);
            }

            if (_sink != null)
            {
                _sink.WriteLine(line);
            }

            if (_observer != null)
            {
                _observer.OnLine(level, component, message, line);
            }
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

        /// <summary>
        /// A value for a key=value pair: unchanged when it is a single printable word, otherwise in double quotes
        /// with inner quotes turned into single quotes and control characters into '?', so a script can split the line.
        /// </summary>
        public static string Quote(string value)
        {
            if (value == null)
            {
                return "\"\"";
            }

            bool plain = value.Length > 0;
            bool clean = true;
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if (c == ' ' || c == '=' || c == '"')
                {
                    plain = false;
                }

                if (c < ' ' || c > '~' || c == '"')
                {
                    clean = false;
                }
            }

            if (plain && clean)
            {
                return value;
            }

            if (clean)
            {
                return "\"" + value + "\"";
            }

            char[] chars = new char[value.Length];
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                chars[i] = c == '"' ? '\'' : c < ' ' || c > '~' ? '?' : c;
            }

            return "\"" + new string(chars) + "\"";
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

        /// <summary>The level word used in lines: DEBUG, INFO, WARN, ERROR.</summary>
        public static string LevelText(LogLevel level)
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
