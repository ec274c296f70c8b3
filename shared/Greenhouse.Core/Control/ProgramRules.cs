using Greenhouse.Sensing;
using Greenhouse.Settings;

namespace Greenhouse.Control
{
    /// <summary>Which program may run a zone's pulse now; a running pulse stops when its program no longer applies.</summary>
    public static class ProgramRules
    {
        /// <summary>
        /// True when the program that opened the valve still applies: mist-now in a watered stage outside a dry phase;
        /// the automatic programs in mode auto, a watered stage and the allowed window — protective only at rest or in a
        /// dry phase, pulse-and-settle only with trustworthy sensors, the degraded program only without.
        /// </summary>
        public static bool StillApplies(PulseKind kind, ControlContext c, ZoneClimate z, int stage, int mode, bool dryPhase, DeviceLimits device)
        {
            int ws;
            int we;
            if (kind == PulseKind.Manual)
            {
                return ControlSettings.IsWateredStage(stage) && !dryPhase;
            }

            if (mode != CoreSettings.ModeAuto || stage == ControlSettings.StageRecovery || stage == ControlSettings.StagePreHarvest
                || MistingWindow.Block(c, z, stage, device, out ws, out we) != ReasonCode.None)
            {
                return false;
            }

            if (kind == PulseKind.Protective)
            {
                return stage == ControlSettings.StageRest || dryPhase;
            }

            bool sensorsOk = z.HumidityValid && z.TemperatureValid;
            return !(stage == ControlSettings.StageRest || dryPhase) && (kind == PulseKind.Auto || kind == PulseKind.Film ? sensorsOk : !sensorsOk);
        }
    }
}
