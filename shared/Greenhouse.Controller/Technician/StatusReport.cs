using Greenhouse.Actuation;
using Greenhouse.Control;
using Greenhouse.Diagnostics;
using Greenhouse.Sensing;
using Greenhouse.Settings;
using Greenhouse.Status;
using Greenhouse.Text;

namespace Greenhouse.Technician
{
    /// <summary>The console's <c>status</c>: one line per item, from the controller's read-only status.</summary>
    public static class StatusReport
    {
        public static void Write(IControllerStatus status, Journal journal, ConsoleOutput output)
        {
            long now = status.NowMs;
            string time = status.Timestamp();
            output.Line("fw=" + status.FirmwareVersion + " uptime=" + Duration(now) + " time=" + (time.Length > 0 && time[0] == '+' ? "unsynced" : time)
                + " ticks=" + status.TickCount.ToString());

            for (int i = 0; i < status.SensorCount; i++)
            {
                output.Line(SensorLine(status.Sensor(i)));
            }

            int zones = status.ZoneCount;
            for (int zone = 1; zone <= zones; zone++)
            {
                output.Line(ZoneLine(status, zone, now));
            }

            output.Line(RelayLine(status.Pump, now));
            output.Line(RelayLine(status.Fan, now));
            output.Line("tank=" + (status.TankHasWater ? "water" : "empty"));

            IAlarmView alarms = status.Alarms;
            output.Line("alarms=" + (alarms.ActiveCount == 0 ? "none" : alarms.ActiveCount.ToString()));
            for (int slot = 0; slot < alarms.SlotCount; slot++)
            {
                string code;
                int zone;
                string detail;
                long since;
                if (alarms.TryGet(slot, out code, out zone, out detail, out since))
                {
                    output.Line("  alarm code=" + code + " zone=" + zone.ToString() + " age=" + Duration(now - since) + " detail=" + Logger.Quote(detail));
                }
            }

            string host = SettingText(status.Settings, "mqtt.host");
            string mqtt = host == null || host.Length == 0 ? "off" : status.NetworkConnected ? "up" : "down";
            output.Line("network mqtt=" + mqtt + " host=" + Logger.Quote(host) + " wifi=" + Logger.Quote(SettingText(status.Settings, "wifi.ssid")));
            GuardCommands.WriteWaiting(status.Changes, output);
            output.Line("inbox dropped=" + status.InboxDropped.ToString() + " log_suppressed=" + status.LogSuppressed.ToString()
                + " events=" + journal.ImportantCount.ToString() + " boots=" + journal.BootCount.ToString());
        }

        private static string SensorLine(ISensorStatus s)
        {
            string text = s.Name + " health=" + SensorReasons.HealthText(s.Health);
            if (s.Health == SensorHealth.Absent)
            {
                return text;
            }

            if (s.Fresh)
            {
                text = text + " t=" + Num.Format(s.TemperatureCelsius, 1) + "C rh=" + Num.Format(s.RelativeHumidityPercent, 1)
                    + "% dew=" + Num.Format(s.DewPointCelsius, 1) + "C vpd=" + Num.Format(s.VapourPressureDeficitKilopascals, 2) + "kPa";
            }
            else
            {
                text = text + " reading=none";
            }

            return text + " errors=" + s.ErrorCount.ToString() + " reason=" + Logger.Quote(s.Reason);
        }

        private static string ZoneLine(IControllerStatus status, int zone, long now)
        {
            IZoneStatus z = status.Zone(zone);
            ISettingsView settings = status.Settings;
            int mode = settings.ChoiceIndex(settings.Require(CoreSettings.Mode), zone);
            return "zone" + zone.ToString() + " mode=" + CoreSettings.Modes[mode] + " stage=" + z.StageName + " phase=" + z.PhaseName
                + " target=" + Num.FormatShort(z.TargetRh, 1) + "% activity=" + ActivityText(z.Activity)
                + " valve=" + (z.ValveOpen ? "on on_for=" + Duration(z.ValveOpenForMs(now)) : "off")
                + " water_today=" + Num.Format(z.WaterTodayLitres, 1) + "L"
                + (z.FilmEstimated ? " film=" + (z.EarsWet ? "wet" : "dry") + " film_l=" + Num.Format(z.FilmLitres, 1)
                    + " drying_per_l=" + Num.Format(z.FilmDryingPerLitre, 0) : "")
                + " reason=" + Logger.Quote(z.Reason);
        }

        private static string RelayLine(IRelayStatus relay, long now)
        {
            if (!relay.Fitted)
            {
                return relay.Name + "=not_fitted";
            }

            return relay.Name + "=" + (relay.IsOn ? "on on_for=" + Duration(relay.OnForMs(now)) : "off") + " switches=" + relay.SwitchCount.ToString()
                + " reason=" + Logger.Quote(relay.LastReason);
        }

        private static string SettingText(ISettingsView settings, string key)
        {
            string text;
            string error;
            return settings.TryGetText(key, out text, out error) ? text : null;
        }

        /// <summary>Compact duration: 6s, 5m06s, 4h05m06s, 3d04h05m06s.</summary>
        public static string Duration(long ms)
        {
            if (ms < 0)
            {
                ms = 0;
            }

            long total = ms / 1000;
            long days = total / 86400;
            long hours = total / 3600 % 24;
            long minutes = total / 60 % 60;
            long seconds = total % 60;
            if (days > 0)
            {
                return days.ToString() + "d" + Two(hours) + "h" + Two(minutes) + "m" + Two(seconds) + "s";
            }

            if (hours > 0)
            {
                return hours.ToString() + "h" + Two(minutes) + "m" + Two(seconds) + "s";
            }

            if (minutes > 0)
            {
                return minutes.ToString() + "m" + Two(seconds) + "s";
            }

            return seconds.ToString() + "s";
        }

        private static string Two(long value)
        {
            return value < 10 ? "0" + value.ToString() : value.ToString();
        }

        /// <summary>Zone activity word.</summary>
        public static string ActivityText(ZoneActivity activity)
        {
            switch (activity)
            {
                case ZoneActivity.Off:
                    return "off";
                case ZoneActivity.Idle:
                    return "idle";
                case ZoneActivity.Misting:
                    return "misting";
                case ZoneActivity.Blocked:
                    return "blocked";
                default:
                    return "fault";
            }
        }
    }
}
