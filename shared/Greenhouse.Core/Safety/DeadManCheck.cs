using Greenhouse.Diagnostics;
using Greenhouse.Ports;

namespace Greenhouse.Safety
{
    /// <summary>
    /// Drives the dead-man heartbeat and proves, before the controller drives any relay, that the relay supply
    /// (JD-VCC, read back on an input) is off while the heartbeat is stopped, comes on when it beats, and drops
    /// within the dead-man time-out after the last rising edge (hardware-docs/dead-man.md). The proof runs at every
    /// boot and again once a day while nothing mists, because the failures that keep the supply on (leakage on a wet
    /// board, a shorted switch) develop while the board runs.
    /// <para>Until a proof passes the controller makes no decision, so every relay stays released; relay outputs may
    /// be opened only once the supply has been seen off (<see cref="RelaysMayOpen"/>), so opening a pin (which drives
    /// it low for a moment on nanoFramework) cannot pulse an active-low relay. A failed proof raises
    /// <see cref="AlarmCodes.DeadManFault"/> through the alarm set (which logs it), keeps the relays released and is
    /// tried again every <see cref="RetryMs"/>.</para>
    /// <para>Runs on the controller's tick (about 1 s), which is also the heartbeat's clock: one toggle per completed
    /// tick, so a rising edge every 2 s. Times are measured at tick resolution, so the accepted window is wider than
    /// the 3-5 s the circuit is built for.</para>
    /// </summary>
    public sealed class DeadManCheck
    {
        /// <summary>After boot the supply must read off within this (the heartbeat has been stopped since the reset).</summary>
        public const long MaxOffWaitMs = 7000;
        /// <summary>Once the heartbeat beats the supply must come on within this (two rising edges).</summary>
        public const long MaxOnMs = 3500;
        /// <summary>Ticks the supply must stay on while beating before the heartbeat is stopped for the drop test.</summary>
        public const int OnTicksBeforeStop = 2;
        /// <summary>A drop seen sooner than this after the last rising edge means the time-out is too short for a 2 s edge period.</summary>
        public const long MinDropMs = 3000;
        /// <summary>A supply still on this long after the last rising edge fails the proof (leakage, shorted switch).</summary>
        public const long MaxDropMs = 7000;
        /// <summary>Ticks the supply may read off while the heartbeat runs before deadman_fault is raised.</summary>
        public const int LostTicks = 3;
        /// <summary>Period of the proof while the controller runs (only started while no pump or valve is on).</summary>
        public const long RecheckMs = 24L * 3600 * 1000;
        /// <summary>Pause before a failed proof is tried again.</summary>
        public const long RetryMs = 10L * 60 * 1000;

        private const int PhaseWaitOff = 0;
        private const int PhaseBeating = 1;
        private const int PhaseStopped = 2;
        private const int PhaseRunning = 3;
        private const int PhaseFailed = 4;

        private const int SupplyOff = 0;
        private const int SupplyOn = 1;
        private const int SupplyUnknown = 2;

        private readonly IDigitalOutput _heartbeat;
        private readonly IDigitalInput _supply;
        private readonly AlarmSet _alarms;
        private readonly Logger _log;

        private int _phase = PhaseWaitOff;
        private bool _started;
        private bool _resuming;
        private bool _level;
        private long _phaseStartMs;
        private long _lastRiseMs;
        private long _provenAtMs;
        private int _onTicks;
        private int _offTicks;
        private int _failedBeats;
        private bool _supplyLost;
        private bool _faultRaised;

        /// <param name="heartbeat">The heartbeat output to the dead-man timer.</param>
        /// <param name="supply">The relay supply read back (high = relay coils powered), or null when not fitted:
        /// then nothing can be proven and the check only waits out the time-out before relays may open.</param>
        public DeadManCheck(IDigitalOutput heartbeat, IDigitalInput supply, AlarmSet alarms, Logger log)
        {
            _heartbeat = heartbeat;
            _supply = supply;
            _alarms = alarms;
            _log = log;
        }

        /// <summary>True once the relay supply was seen off since boot: relay outputs may be opened (released).</summary>
        public bool RelaysMayOpen { get; private set; }

        /// <summary>True while the controller may drive relays: the last proof passed and no proof is running.</summary>
        public bool RelaysAllowed { get; private set; }

        /// <summary>True when the last proof passed (or the read-back is not fitted and the wait is over).</summary>
        public bool Proven { get; private set; }

        /// <summary>True when a relay supply read-back is fitted, so the proof means something.</summary>
        public bool Fitted
        {
            get { return _supply != null; }
        }

        /// <summary>Drop-out time measured by the last passed proof, ms after the last rising edge (tick resolution); 0 before.</summary>
        public long LastDropMs { get; private set; }

        /// <summary>True while a failed proof waits for its retry (relays held released).</summary>
        public bool Failed
        {
            get { return _phase == PhaseFailed; }
        }

        /// <summary>Why the last proof failed, or null once a proof passed.</summary>
        public string FailureReason { get; private set; }

        /// <summary>Heartbeat writes that failed (the output could not be driven).</summary>
        public int WriteFailures { get; private set; }

        /// <summary>
        /// Called once at the end of every completed controller tick: reads the relay supply, moves the proof on and
        /// toggles the heartbeat when it should beat. A tick that throws before this never beats.
        /// </summary>
        /// <param name="misting">True while the pump or a valve is on: the daily proof waits for a quiet moment.</param>
        public void Tick(long nowMs, bool misting)
        {
            if (!_started)
            {
                _started = true;
                _phaseStartMs = nowMs;
                if (_supply != null)
                {
                    _log.Info("deadman", "checking", "reason=boot");
                }
            }

            switch (_phase)
            {
                case PhaseWaitOff:
                    WaitOff(nowMs);
                    break;
                case PhaseBeating:
                    Beating(nowMs);
                    break;
                case PhaseStopped:
                    Stopped(nowMs);
                    break;
                case PhaseRunning:
                    Running(nowMs, misting);
                    break;
                default:
                    if (nowMs - _phaseStartMs >= RetryMs)
                    {
                        _log.Info("deadman", "checking", "reason=retry");
                        Enter(PhaseWaitOff, nowMs);
                        WaitOff(nowMs);
                    }

                    break;
            }
        }

        private void WaitOff(long nowMs)
        {
            if (_supply == null)
            {
                // Nothing to read back: the heartbeat has been stopped since the reset, so after the longest time-out the
                // supply is off if the circuit works. The relays may open, but nothing is proven.
                if (nowMs - _phaseStartMs >= MaxOffWaitMs)
                {
                    RelaysMayOpen = true;
                    RelaysAllowed = true;
                    Proven = true;
                    _log.Warn("deadman", "not checked", "reason=\"no relay supply read-back fitted\"");
                    Enter(PhaseRunning, nowMs);
                    Beat(nowMs);
                }

                return;
            }

            int supply = ReadSupply();
            if (supply == SupplyOff)
            {
                // The controller opens the relay outputs right after this tick, with the supply still off: the first
                // heartbeat edge comes with the next tick.
                RelaysMayOpen = true;
                _resuming = false;
                _onTicks = 0;
                Enter(PhaseBeating, nowMs);
            }
            else if (nowMs - _phaseStartMs >= MaxOffWaitMs)
            {
                Fail(nowMs, supply == SupplyUnknown ? "relay supply read-back cannot be read" : "relay supply stays on without heartbeat");
            }
        }

        private void Beating(long nowMs)
        {
            if (ReadSupply() == SupplyOn)
            {
                _onTicks++;
            }
            else if (_onTicks > 0)
            {
                Fail(nowMs, "relay supply dropped between heartbeats: time-out too short");
                return;
            }
            else if (nowMs - _phaseStartMs > MaxOnMs)
            {
                Fail(nowMs, "relay supply does not come on with the heartbeat");
                return;
            }

            if (_resuming && _onTicks > 0)
            {
                Pass(nowMs);
                Beat(nowMs);
                return;
            }

            Beat(nowMs);
            if (_level && _onTicks >= OnTicksBeforeStop)
            {
                // Stop right after a rising edge and hold the output high: a shorted coupling capacitor would then keep
                // the supply on, and the proof sees it.
                _lastRiseMs = nowMs;
                Enter(PhaseStopped, nowMs);
            }
        }

        private void Stopped(long nowMs)
        {
            long sinceRise = nowMs - _lastRiseMs;
            if (ReadSupply() == SupplyOff)
            {
                if (sinceRise < MinDropMs)
                {
                    Fail(nowMs, "relay supply dropped " + sinceRise.ToString() + " ms after the last heartbeat: time-out too short");
                    return;
                }

                LastDropMs = sinceRise;
                _resuming = true;
                _onTicks = 0;
                Enter(PhaseBeating, nowMs);
                Beat(nowMs);
            }
            else if (sinceRise >= MaxDropMs)
            {
                Fail(nowMs, "relay supply still on " + sinceRise.ToString() + " ms after the heartbeat stopped");
            }
        }

        private void Running(long nowMs, bool misting)
        {
            if (_supply != null && nowMs - _provenAtMs >= RecheckMs && !misting)
            {
                // Daily proof: stop at the next rising edge; the controller holds its decisions meanwhile.
                _log.Info("deadman", "checking", "reason=daily");
                RelaysAllowed = false;
                _resuming = false;
                _onTicks = OnTicksBeforeStop;
                Enter(PhaseBeating, nowMs);
                Beating(nowMs);
                return;
            }

            // While running: a supply that reads off (or cannot be read) or a heartbeat that cannot be driven means the
            // relays are unpowered or about to be; report it, keep deciding (the relays are safe either way).
            if (_supply != null && ReadSupply() != SupplyOn)
            {
                _offTicks++;
            }
            else
            {
                _offTicks = 0;
            }

            bool lost = _offTicks >= LostTicks || _failedBeats >= LostTicks;
            if (lost && !_supplyLost)
            {
                _supplyLost = true;
                Fault(true, _failedBeats >= LostTicks ? "heartbeat output cannot be driven" : "relay supply off while the heartbeat runs", nowMs);
            }
            else if (!lost && _supplyLost && _offTicks == 0 && _failedBeats == 0)
            {
                _supplyLost = false;
                Fault(false, null, nowMs);
            }

            Beat(nowMs);
        }

        private void Pass(long nowMs)
        {
            Proven = true;
            RelaysAllowed = true;
            FailureReason = null;
            _provenAtMs = nowMs;
            _offTicks = 0;
            _supplyLost = false;
            _log.Info("deadman", "proven", "drop_ms=" + LastDropMs.ToString());
            Fault(false, null, nowMs);
            Enter(PhaseRunning, nowMs);
        }

        private void Fail(long nowMs, string reason)
        {
            Proven = false;
            RelaysAllowed = false;
            FailureReason = reason;
            if (_faultRaised)
            {
                // The alarm is active already (the alarm set logged it when raised): say that this proof failed too, and why.
                _log.Warn("deadman", "failed again", "reason=\"" + reason + "\" retry_s=" + (RetryMs / 1000).ToString());
            }

            Fault(true, reason, nowMs);
            // The heartbeat stays where it is: beating on could only power relays the controller must not drive.
            Enter(PhaseFailed, nowMs);
        }

        /// <summary>Raises or clears deadman_fault when its state changes (the alarm set logs the transition); an active one only gets the new detail.</summary>
        private void Fault(bool active, string detail, long nowMs)
        {
            if (active == _faultRaised)
            {
                if (active)
                {
                    _alarms.Raise(AlarmCodes.DeadManFault, 0, detail, nowMs);
                }

                return;
            }

            _faultRaised = active;
            _alarms.Set(AlarmCodes.DeadManFault, 0, active, detail, nowMs);
        }

        private void Enter(int phase, long nowMs)
        {
            _phase = phase;
            _phaseStartMs = nowMs;
        }

        /// <summary>On, off, or unknown when the input cannot be read: unknown never passes a step, so the proof times out instead of passing on a guess.</summary>
        private int ReadSupply()
        {
            bool high;
            if (!_supply.TryRead(out high))
            {
                return SupplyUnknown;
            }

            return high ? SupplyOn : SupplyOff;
        }

        private void Beat(long nowMs)
        {
            _level = !_level;
            if (_heartbeat.TryWrite(_level))
            {
                _failedBeats = 0;
            }
            else
            {
                WriteFailures++;
                _failedBeats++;
            }
        }
    }
}
