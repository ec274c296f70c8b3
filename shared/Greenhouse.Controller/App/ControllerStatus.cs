using Greenhouse.Actuation;
using Greenhouse.Control;
using Greenhouse.Diagnostics;
using Greenhouse.Ports;
using Greenhouse.Sensing;
using Greenhouse.Settings;
using Greenhouse.Status;

namespace Greenhouse.App
{
    /// <summary>
    /// The controller's <see cref="IControllerStatus"/>: a read-only window onto the parts that measured, decided and
    /// applied, plus the two facts the tick itself owns (its uptime and the tank's reading).
    /// </summary>
    public sealed class ControllerStatus : IControllerStatus
    {
        private readonly ControllerSettings _settings;
        private readonly AlarmSet _alarms;
        private readonly SensorArray _sensors;
        private readonly ControlEngine _engine;
        private readonly Actuators _relays;
        private readonly Inbox _inbox;
        private readonly Logger _log;
        private readonly ControllerPorts _ports;
        private readonly ZoneView[] _zones = new ZoneView[ControllerSettings.MaxZones + 1];
        private readonly ZoneClimate[] _climates = new ZoneClimate[ControllerSettings.MaxZones];
        private readonly int _zoneCount;

        public ControllerStatus(string firmwareVersion, ControllerSettings settings, AlarmSet alarms, SensorArray sensors, ControlEngine engine,
            Actuators relays, Inbox inbox, Logger log, ControllerPorts ports, Greenhouse.Commands.IChangeGuardView changes)
        {
            Changes = changes;
            FirmwareVersion = firmwareVersion;
            _settings = settings;
            _alarms = alarms;
            _sensors = sensors;
            _engine = engine;
            _relays = relays;
            _inbox = inbox;
            _log = log;
            _ports = ports;
            _zoneCount = settings.Require(CoreSettings.ZoneCount);
            for (int z = 1; z <= ControllerSettings.MaxZones; z++)
            {
                _zones[z] = new ZoneView(engine.Zones[z - 1], relays.Valve(z));
            }

            TankHasWater = true;
        }

        public string FirmwareVersion { get; private set; }
        public Greenhouse.Commands.IChangeGuardView Changes { get; private set; }
        public long NowMs { get; private set; }
        public long TickCount { get; private set; }

        public int ZoneCount
        {
            get { return (int)_settings.Integer(_zoneCount, 0); }
        }

        public ISettingsView Settings
        {
            get { return _settings; }
        }

        public IAlarmView Alarms
        {
            get { return _alarms; }
        }

        public int SensorCount
        {
            get { return _sensors.Channels.Length; }
        }

        public ISensorStatus Sensor(int index)
        {
            return _sensors.Channels[index];
        }

        public IZoneStatus Zone(int zone)
        {
            return _zones[zone];
        }

        /// <summary>Zone 1..4's valve.</summary>
        public IRelayStatus Valve(int zone)
        {
            return _relays.Valve(zone);
        }

        public IRelayStatus Pump
        {
            get { return _relays.Pump; }
        }

        public IRelayStatus Fan
        {
            get { return _relays.Fan.Relay; }
        }

        public string FanReason
        {
            get
            {
                Ventilation v = _engine.Ventilation;
                return Reasons.Text(v.Code, v.A, v.B);
            }
        }

        public bool TankHasWater { get; private set; }

        public bool NetworkConnected
        {
            get { return _ports.Mqtt != null && _ports.Mqtt.IsConnected; }
        }

        public int InboxDropped
        {
            get { return _inbox.Dropped; }
        }

        public long LogSuppressed
        {
            get { return _log.SuppressedCount; }
        }

        public string Timestamp()
        {
            return _log.Timestamp();
        }

        internal void BeginTick(long nowMs)
        {
            NowMs = nowMs;
        }

        internal void EndTick()
        {
            TickCount++;
        }

        /// <summary>Reads the float switch: water present when high; a failed read counts as empty (no pump dry-running).</summary>
        internal void ReadTank(IDigitalInput tankSwitch)
        {
            bool high;
            if (tankSwitch == null)
            {
                TankHasWater = true;
            }
            else if (tankSwitch.TryRead(out high))
            {
                TankHasWater = high;
            }
            else
            {
                TankHasWater = false;
            }
        }

        /// <summary>Each zone's validated climate from sensor assignment and fallback (filled in place).</summary>
        internal ZoneClimate[] ZoneClimates()
        {
            for (int i = 0; i < _climates.Length; i++)
            {
                _sensors.GetZoneClimate(i + 1, out _climates[i]);
            }

            return _climates;
        }

        /// <summary>One zone as readers see it.</summary>
        private sealed class ZoneView : IZoneStatus
        {
            private readonly MistZone _zone;
            private readonly RelayChannel _valve;

            public ZoneView(MistZone zone, RelayChannel valve)
            {
                _zone = zone;
                _valve = valve;
            }

            public int Number
            {
                get { return _zone.Number; }
            }

            public string StageName
            {
                get { return _zone.Calendar.StageName; }
            }

            public string PhaseName
            {
                get { return _zone.Calendar.PhaseName; }
            }

            public int StageDay
            {
                get { return _zone.Calendar.StageDay; }
            }

            public int PhaseDay
            {
                get { return _zone.Calendar.PhaseDay; }
            }

            public int WetDaysTotal
            {
                get { return _zone.Calendar.WetDaysTotal; }
            }

            public ReasonCode ReasonCode
            {
                get { return _zone.Decision.Code; }
            }

            public long WaterTodayMs
            {
                get { return _zone.Budget.Ledger.TodayMs; }
            }

            public long WaterTotalMs
            {
                get { return _zone.Budget.Ledger.TotalMs; }
            }

            public double TargetRh
            {
                get { return _zone.TargetRh; }
            }

            public ZoneActivity Activity
            {
                get { return _zone.Decision.Activity; }
            }

            public string Reason
            {
                get { return _zone.Decision.Reason; }
            }

            public ZoneClimate Climate
            {
                get { return _zone.Climate; }
            }

            public bool ValveOpen
            {
                get { return _valve.IsOn; }
            }

            public long ValveOpenForMs(long nowMs)
            {
                return _valve.OnForMs(nowMs);
            }

            public double WaterTodayLitres
            {
                get { return _zone.WaterTodayLitres; }
            }

            public bool FilmEstimated
            {
                get { return _zone.Film.Enabled; }
            }

            public bool EarsWet
            {
                get { return _zone.Film.EarsWet; }
            }

            public double FilmLitres
            {
                get { return _zone.Film.Balance.Litres; }
            }

            public double FilmDryingPerLitre
            {
                get { return _zone.Film.Balance.DryingPerLitre; }
            }
        }
    }
}
