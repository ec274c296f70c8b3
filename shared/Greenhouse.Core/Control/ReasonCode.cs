using Greenhouse.Settings;
using Greenhouse.Text;

namespace Greenhouse.Control
{
    /// <summary>
    /// Why a zone (or the pump or fan) is in its state. Stored per tick as a small number plus up to two values;
    /// the text is built by <see cref="Reasons.Text"/> only when someone reads it after a change.
    /// </summary>
    public enum ReasonCode
    {
        None = 0,
        Start,
        ZoneNotInUse,
        ModeOff,
        ModeManual,
        TankEmpty,
        LockoutHigh,
        LockoutLow,
        Condensation,
        StageNoWater,
        DryPhase,
        WetDayCap,
        OutsideWindow,
        SummerDayHeat,
        BudgetHour,
        BudgetDay,
        MaxContinuous,
        Settling,
        MinOff,
        NoEffectBackoff,
        InBand,
        MistOnDeficit,
        MistOffTarget,
        MistOffPulseDone,
        DegradedWait,
        DegradedPulse,
        DegradedUnsafe,
        ProtectiveWait,
        ProtectivePulse,
        ManualPulse,
        ManualDone,
        WaitingForValveSlot,
        WaitingForPumpPreRun,
        ProgramStopped,
        PumpValveOpen,
        PumpPreRun,
        PumpPostRun,
        PumpIdle,
        FanHot,
        FanCondensation,
        FanIdle,
        FanDisabled,
        Reboot,
        DeadManCheck,
        FilmTopUp,
        FilmWetting,
        FilmHeldForHeat,
        FilmAwaitsAnswer,
        FilmHolds
    }

    /// <summary>Turns a reason code and its values into the text logs, state messages and the console show.</summary>
    public static class Reasons
    {
        /// <summary>Reason text, e.g. "mist on: rh 82.1 &lt; 87.0" or "blocked: lockout 29.4 C".</summary>
        public static string Text(ReasonCode code, double a, double b)
        {
            switch (code)
            {
                case ReasonCode.None: return "";
                case ReasonCode.Start: return "start";
                case ReasonCode.DeadManCheck: return "off: dead-man check";
                case ReasonCode.ZoneNotInUse: return "off: zone not in use";
                case ReasonCode.ModeOff: return "off: mode off";
                case ReasonCode.ModeManual: return "idle: manual mode";
                case ReasonCode.TankEmpty: return "blocked: tank empty";
                case ReasonCode.LockoutHigh: return "blocked: lockout " + Num.Format(a, 1) + " C >= " + Num.FormatShort(b, 1);
                case ReasonCode.LockoutLow: return "blocked: frost lockout " + Num.Format(a, 1) + " C <= " + Num.FormatShort(b, 1);
                case ReasonCode.Condensation: return "blocked: condensation rh " + Num.Format(a, 1) + " for " + Num.Format((long)b) + " min";
                case ReasonCode.StageNoWater: return "blocked: stage " + StageName(a);
                case ReasonCode.DryPhase: return "dry: day " + Num.Format((long)a) + " of " + Num.Format((long)b);
                case ReasonCode.WetDayCap: return "dry: wet-day cap " + Num.Format((long)a) + " reached";
                case ReasonCode.OutsideWindow: return "blocked: outside window " + Num.Format((long)a) + "-" + Num.Format((long)b) + " h";
                case ReasonCode.SummerDayHeat: return "blocked: summer mode, " + Num.Format(a, 1) + " C (clock unsynced)";
                case ReasonCode.BudgetHour: return "blocked: hour budget " + Num.Format((long)a) + "/" + Num.Format((long)b) + " s";
                case ReasonCode.BudgetDay: return "blocked: day budget " + Num.Format((long)a) + "/" + Num.Format((long)b) + " s";
                case ReasonCode.MaxContinuous: return "mist off: max continuous " + Num.Format((long)a) + " s";
                case ReasonCode.Settling: return "settling: " + Num.Format((long)a) + " s left";
                case ReasonCode.MinOff: return "idle: minimum off " + Num.Format((long)a) + " s left";
                case ReasonCode.NoEffectBackoff: return "blocked: no effect, retry in " + Num.Format((long)a) + " min";
                case ReasonCode.InBand: return "idle: rh " + Num.Format(a, 1) + " >= " + Num.Format(b, 1);
                case ReasonCode.FilmTopUp: return "mist on: film top-up " + Num.Format(a, 1) + " L";
                case ReasonCode.FilmWetting: return "mist on: wetting dry film " + Num.Format(a, 1) + " L";
                case ReasonCode.FilmHeldForHeat: return "idle: film top-up held, air " + Num.Format(a, 1) + " C heading for the lockout";
                case ReasonCode.FilmAwaitsAnswer: return "idle: film top-up waits " + Num.Format((long)a) + " min for the last one's answer";
                case ReasonCode.FilmHolds: return "idle: ears wet, film holds " + Num.Format(a, 1) + " L";
                case ReasonCode.MistOnDeficit: return "mist on: rh " + Num.Format(a, 1) + " < " + Num.Format(b, 1);
                case ReasonCode.MistOffTarget: return "mist off: rh " + Num.Format(a, 1) + " >= " + Num.Format(b, 1);
                case ReasonCode.MistOffPulseDone: return "mist off: pulse " + Num.Format((long)a) + " s done";
                case ReasonCode.DegradedWait: return "degraded: next pulse in " + Num.Format((long)a) + " s";
                case ReasonCode.DegradedPulse: return "mist on: degraded program " + Num.Format((long)a) + " s";
                case ReasonCode.DegradedUnsafe: return "blocked: no temperature and no clock";
                case ReasonCode.ProtectiveWait: return "dry: protective only, rh " + Num.Format(a, 1);
                case ReasonCode.ProtectivePulse: return "mist on: protective " + Num.Format((long)a) + " s, rh " + Num.Format(b, 1);
                case ReasonCode.ManualPulse: return "mist on: manual " + Num.Format((long)a) + " s";
                case ReasonCode.ManualDone: return "mist off: manual pulse done";
                case ReasonCode.WaitingForValveSlot: return "waiting: valve slot";
                case ReasonCode.WaitingForPumpPreRun: return "waiting: pump pre-run";
                case ReasonCode.ProgramStopped: return "mist off: program stopped";
                case ReasonCode.PumpValveOpen: return "pump on: valve open";
                case ReasonCode.PumpPreRun: return "pump on: pre-run";
                case ReasonCode.PumpPostRun: return "pump on: post-run";
                case ReasonCode.PumpIdle: return "pump off";
                case ReasonCode.FanHot: return "fan on: " + Num.Format(a, 1) + " C >= " + Num.FormatShort(b, 1);
                case ReasonCode.FanCondensation: return "fan on: condensation";
                case ReasonCode.FanIdle: return "fan off";
                case ReasonCode.FanDisabled: return "fan off: disabled";
                case ReasonCode.Reboot: return "reboot";
                default: return "code " + Num.Format((long)code);
            }
        }

        private static string StageName(double index)
        {
            int i = (int)index;
            return i >= 0 && i < CoreSettings.Stages.Length ? CoreSettings.Stages[i] : "?";
        }
    }
}
