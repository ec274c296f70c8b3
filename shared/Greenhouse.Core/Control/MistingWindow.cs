using Greenhouse.Sensing;

namespace Greenhouse.Control
{
    /// <summary>
    /// When misting is allowed in the day: summer mode = the night window, cold mode = the midday window,
    /// otherwise the stage's own window (profile.STAGE.start_h/end_h). With the clock unsynced no window can be
    /// known: misting is then allowed except at or above the summer temperature (a stand-in for the hot part of
    /// the day).
    /// </summary>
    public static class MistingWindow
    {
        /// <summary>ReasonCode.None when misting is allowed now, else why not, with the window's hours.</summary>
        public static ReasonCode Block(ControlContext c, ZoneClimate z, int stage, DeviceLimits device, out int start, out int end)
        {
            start = 0;
            end = 0;
            if (!c.ClockSynced)
            {
                if (device.SummerMode && z.TemperatureValid && z.TemperatureCelsius >= device.SummerC)
                {
                    return ReasonCode.SummerDayHeat;
                }

                return ReasonCode.None;
            }

            if (c.Summer)
            {
                start = device.NightStartH;
                end = device.NightEndH;
            }
            else if (c.Cold)
            {
                start = device.MiddayStartH;
                end = device.MiddayEndH;
            }
            else
            {
                if (!device.HasProfileWindow[stage])
                {
                    return ReasonCode.None;
                }

                start = device.ProfileStartH[stage];
                end = device.ProfileEndH[stage];
            }

            return InHours(c.MinuteOfDay, start, end) ? ReasonCode.None : ReasonCode.OutsideWindow;
        }

        /// <summary>True when minuteOfDay lies in [start h, end h), wrapping past midnight; start == end = all day.</summary>
        public static bool InHours(int minuteOfDay, int startHour, int endHour)
        {
            if (startHour == endHour)
            {
                return true;
            }

            int s = startHour * 60;
            int e = endHour * 60;
            return s < e ? minuteOfDay >= s && minuteOfDay < e : minuteOfDay >= s || minuteOfDay < e;
        }
    }
}
