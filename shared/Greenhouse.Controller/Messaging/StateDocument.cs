using System;
using Greenhouse.Time;
using Greenhouse.Control;
using Greenhouse.Diagnostics;
using Greenhouse.Ports;
using Greenhouse.Status;
using Greenhouse.Sensing;
using Greenhouse.Settings;

namespace Greenhouse.Messaging
{
    /// <summary>
    /// Builds the retained <c>&lt;base&gt;/state</c> document from the controller's read-only status. Field names are
    /// part of the public contract (docs/mqtt.md). A number that is not a finite reading (no valid sensor value) is
    /// written as null.
    /// </summary>
    public static class StateDocument
    {
        /// <summary>Writes the document into the writer (cleared first).</summary>
        public static void Write(JsonWriter json, IControllerStatus status, IClock clock, long nowMs)
        {
            ISettingsView settings = status.Settings;
            json.Clear();
            json.BeginObject();
            DateTime local;
            long offset = settings.Integer(settings.Require(CoreSettings.UtcOffsetMinutes), 0);
            json.Name("time");
            if (WallClock.TryGetLocal(clock, offset, out local))
            {
                json.String(Logger.Iso(local));
            }
            else
            {
                json.Null();
            }

            json.MemberInt("uptime_s", nowMs / 1000);
            json.Member("fw", status.FirmwareVersion);

            json.Name("sensors").BeginArray();
            for (int i = 0; i < status.SensorCount; i++)
            {
                ISensorStatus s = status.Sensor(i);
                bool has = s.Fresh && s.Health != SensorHealth.Absent && s.Health != SensorHealth.Failed;
                json.BeginObject();
                json.Member("name", s.Name);
                json.Member("temp_c", has ? s.TemperatureCelsius : double.NaN, 1);
                json.Member("rh_pct", has ? s.RelativeHumidityPercent : double.NaN, 1);
                json.Member("pressure_hpa", has ? s.PressureHectopascals : double.NaN, 1);
                json.Member("dew_point_c", has ? s.DewPointCelsius : double.NaN, 1);
                json.Member("vpd_kpa", has ? s.VapourPressureDeficitKilopascals : double.NaN, 2);
                json.Member("health", SensorReasons.HealthText(s.Health));
                json.Member("reason", s.Reason);
                json.EndObject();
            }

            json.EndArray();

            int mode = settings.Require(CoreSettings.Mode);
            int stage = settings.Require(CoreSettings.Stage);
            int target = settings.Require(CoreSettings.TargetRh);
            json.Name("zones").BeginArray();
            int count = status.ZoneCount;
            for (int z = 1; z <= count && z <= ControllerSettings.MaxZones; z++)
            {
                IZoneStatus zone = status.Zone(z);
                json.BeginObject();
                json.MemberInt("zone", z);
                json.Member("mode", CoreSettings.Modes[settings.ChoiceIndex(mode, z)]);
                json.Member("stage", CoreSettings.Stages[settings.ChoiceIndex(stage, z)]);
                json.Member("phase", zone.PhaseName);
                json.MemberBool("misting", zone.ValveOpen);
                json.Member("target_rh", settings.Number(target, z), 1);
                ZoneClimate climate = zone.Climate;
                json.Member("rh_pct", climate.HumidityValid ? climate.RelativeHumidityPercent : double.NaN, 1);
                json.Member("reason", zone.Reason);
                json.Member("water_l_today", zone.WaterTodayLitres, 1);
                if (zone.FilmEstimated)
                {
                    json.MemberBool("ears_wet", zone.EarsWet);
                }

                json.EndObject();
            }

            json.EndArray();
            json.MemberBool("pump", status.Pump.IsOn);
            json.MemberBool("tank", status.TankHasWater);
            json.Name("alarms").BeginArray();
            IAlarmView alarms = status.Alarms;
            for (int slot = 0; slot < alarms.SlotCount; slot++)
            {
                string code;
                int zone;
                string detail;
                long since;
                if (alarms.TryGet(slot, out code, out zone, out detail, out since))
                {
                    json.BeginObject().Member("code", code).MemberInt("zone", zone).EndObject();
                }
            }

            json.EndArray();
            json.EndObject();
        }

        /// <summary>Home Assistant humidifier action: humidifying, idle or off.</summary>
        public static string ActionName(ZoneActivity activity)
        {
            switch (activity)
            {
                case ZoneActivity.Misting:
                    return "humidifying";
                case ZoneActivity.Off:
                    return "off";
                default:
                    return "idle";
            }
        }
    }
}
