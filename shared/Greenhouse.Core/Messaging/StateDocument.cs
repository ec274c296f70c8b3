using System;
using Greenhouse.App;
using Greenhouse.Control;
using Greenhouse.Diagnostics;
using Greenhouse.Ports;
using Greenhouse.Sensing;
using Greenhouse.Settings;

namespace Greenhouse.Messaging
{
    /// <summary>
    /// Builds the retained <c>&lt;base&gt;/state</c> document from what the controller exposes. Field names are part
    /// of the public contract (docs/mqtt.md). Values the controller cannot give yet (wet/dry phase, water used
    /// today) are written as null; so is any number that is not a finite reading.
    /// </summary>
    public static class StateDocument
    {
        /// <summary>Writes the document into the writer (cleared first).</summary>
        public static void Write(JsonWriter json, Controller controller, IClock clock, long nowMs)
        {
            ControllerSettings settings = controller.Settings;
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
            json.Member("fw", controller.FirmwareVersion);

            json.Name("sensors").BeginArray();
            SensorChannel[] sensors = controller.Sensors;
            for (int i = 0; i < sensors.Length; i++)
            {
                SensorChannel s = sensors[i];
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
            MistZone[] zones = controller.Zones;
            int count = controller.ZoneCount;
            for (int i = 0; i < count && i < zones.Length; i++)
            {
                int z = i + 1;
                json.BeginObject();
                json.MemberInt("zone", z);
                json.Member("mode", CoreSettings.Modes[settings.ChoiceIndex(mode, z)]);
                json.Member("stage", CoreSettings.Stages[settings.ChoiceIndex(stage, z)]);
                json.Member("phase", zones[i].Calendar.PhaseName);
                json.MemberBool("misting", zones[i].Valve.IsOn);
                json.Member("target_rh", settings.Number(target, z), 1);
                ZoneClimate climate;
                controller.SensorArray.GetZoneClimate(z, out climate);
                json.Member("rh_pct", climate.HumidityValid ? climate.RelativeHumidityPercent : double.NaN, 1);
                json.Member("reason", zones[i].Decision.Reason);
                json.Member("water_l_today", zones[i].WaterTodayLitres, 1);
                json.EndObject();
            }

            json.EndArray();
            json.MemberBool("pump", controller.Pump.IsOn);
            json.MemberBool("tank", controller.TankHasWater);
            json.Name("alarms").BeginArray();
            AlarmSet alarms = controller.Alarms;
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

        /// <summary>The humidity the zones act on (first fresh, healthy sensor), or NaN.</summary>
        public static double ControlHumidity(Controller controller)
        {
            SensorChannel[] sensors = controller.Sensors;
            for (int i = 0; i < sensors.Length; i++)
            {
                if (sensors[i].Fresh && sensors[i].Health == SensorHealth.Ok)
                {
                    return sensors[i].RelativeHumidityPercent;
                }
            }

            return double.NaN;
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
