using Greenhouse.Actuation;
using Greenhouse.Control;
using Greenhouse.Settings;
using Greenhouse.Text;

namespace Greenhouse.Persistence
{
    /// <summary>
    /// What of the engine survives a reboot, as short key/value text for <see cref="IControlStatePersistence"/>:
    /// the day number, relay switch counts, and per zone (zN.) the stage and its counters, the wet/dry phase, the
    /// water used today and in total, the budget buckets, and the drying rate the film program learned (film_dpl).
    /// </summary>
    public static class ControlCounters
    {
        private const int PerZone = 12;

        /// <summary>The keys and values to save.</summary>
        public static void Write(ControlEngine engine, Actuators relays, out string[] keys, out string[] values)
        {
            MistZone[] zones = engine.Zones;
            keys = StringArray.New(3 + PerZone * zones.Length);
            values = StringArray.New(keys.Length);
            keys[0] = "day";
            values[0] = Num.Format(engine.Days.SavedDay);
            keys[1] = "pump.ops";
            values[1] = Num.Format(relays.Pump.SwitchCount);
            keys[2] = "fan.ops";
            values[2] = Num.Format(relays.Fan.Relay.SwitchCount);
            int at = 3;
            for (int i = 0; i < zones.Length; i++)
            {
                MistZone z = zones[i];
                CropCalendar c = z.Calendar;
                MistLedger ledger = z.Budget.Ledger;
                string p = "z" + (i + 1).ToString() + ".";
                keys[at] = p + "stage"; values[at++] = Num.Format(c.CountedStage < 0 ? c.Stage : c.CountedStage);
                keys[at] = p + "stage_day"; values[at++] = Num.Format(c.StageDay);
                keys[at] = p + "stage_ms"; values[at++] = Num.Format(c.StageMs);
                keys[at] = p + "dry"; values[at++] = c.DryPhase ? "1" : "0";
                keys[at] = p + "phase_day"; values[at++] = Num.Format(c.PhaseDay);
                keys[at] = p + "wet_total"; values[at++] = Num.Format(c.WetDaysTotal);
                keys[at] = p + "today_ms"; values[at++] = Num.Format(ledger.TodayMs);
                keys[at] = p + "total_ms"; values[at++] = Num.Format(ledger.TotalMs);
                keys[at] = p + "min"; values[at++] = ledger.MinutesText();
                keys[at] = p + "hour"; values[at++] = ledger.HoursText();
                keys[at] = p + "ops"; values[at++] = Num.Format(relays.Valve(i + 1).SwitchCount);
                keys[at] = p + "film_dpl"; values[at++] = Num.Format((long)(z.Film.Balance.DryingPerLitre + 0.5));
            }
        }

        /// <summary>Restores what was saved; unknown keys and unreadable values are skipped. Returns the pairs read.</summary>
        public static int Read(string[] keys, string[] values, long nowMs, ControlEngine engine, Actuators relays)
        {
            MistZone[] zones = engine.Zones;
            string[] minutes = StringArray.New(zones.Length);
            string[] hours = StringArray.New(zones.Length);
            int[] stage = new int[zones.Length];
            long[] stageDay = new long[zones.Length];
            long[] stageMs = new long[zones.Length];
            bool[] dry = new bool[zones.Length];
            long[] phaseDay = new long[zones.Length];
            long[] wetTotal = new long[zones.Length];
            for (int i = 0; i < stage.Length; i++)
            {
                stage[i] = -1;
            }

            int count = keys.Length < values.Length ? keys.Length : values.Length;
            for (int k = 0; k < count; k++)
            {
                string key = keys[k];
                string value = values[k];
                long number;
                bool isNumber = Num.TryParseInt(value, out number);
                if (key == "day" && isNumber)
                {
                    engine.Days.SavedDay = number;
                    continue;
                }

                if (key == "pump.ops" && isNumber)
                {
                    relays.Pump.SwitchCount = number;
                    continue;
                }

                if (key == "fan.ops" && isNumber)
                {
                    relays.Fan.Relay.SwitchCount = number;
                    continue;
                }

                if (key == null || key.Length < 4 || key[0] != 'z' || key[2] != '.')
                {
                    continue;
                }

                int z = key[1] - '1';
                if (z < 0 || z >= zones.Length)
                {
                    continue;
                }

                string item = key.Substring(3);
                MistLedger ledger = zones[z].Budget.Ledger;
                if (item == "min")
                {
                    minutes[z] = value;
                }
                else if (item == "hour")
                {
                    hours[z] = value;
                }
                else if (!isNumber)
                {
                    continue;
                }
                else if (item == "stage")
                {
                    stage[z] = number >= 0 && number < CoreSettings.Stages.Length ? (int)number : -1;
                }
                else if (item == "stage_day")
                {
                    stageDay[z] = number;
                }
                else if (item == "stage_ms")
                {
                    stageMs[z] = number;
                }
                else if (item == "dry")
                {
                    dry[z] = number != 0;
                }
                else if (item == "phase_day")
                {
                    phaseDay[z] = number;
                }
                else if (item == "wet_total")
                {
                    wetTotal[z] = number;
                }
                else if (item == "today_ms")
                {
                    ledger.TodayMs = number;
                }
                else if (item == "total_ms")
                {
                    ledger.TotalMs = number;
                }
                else if (item == "ops")
                {
                    relays.Valve(z + 1).SwitchCount = number;
                }
                else if (item == "film_dpl")
                {
                    zones[z].Film.Restore(number);
                }
            }

            for (int z = 0; z < zones.Length; z++)
            {
                zones[z].Budget.Ledger.Restore(nowMs, minutes[z], hours[z]);
                if (stage[z] >= 0)
                {
                    zones[z].Calendar.Restore(stage[z], (int)stageDay[z], stageMs[z], dry[z], (int)phaseDay[z], (int)wetTotal[z]);
                }
            }

            return count;
        }
    }
}
