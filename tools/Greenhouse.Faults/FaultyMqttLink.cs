using System;
using Greenhouse.Ports;

namespace Greenhouse.Faults
{
    /// <summary>
    /// The MQTT link with injected outages. While broker-down or wifi-down is active: IsConnected is false, Publish and
    /// Subscribe return false without reaching the inner link. When an outage begins the inner session is closed
    /// (inner.Disconnect(), so no messages arrive during the outage and the controller has to reconnect and resubscribe
    /// afterwards) and <c>onConnectionChanged(false)</c> is called; wire it to <c>controller.Inbox.PostConnection</c>
    /// if the inner adapter does that too. BeginConnect during wifi-down returns false (no network, an attempt cannot
    /// start); during broker-down it returns true but the attempt never succeeds (the inner link is not asked). With a
    /// <see cref="SimulatedWifi"/>, a station that is not on its network counts as wifi-down.
    /// </summary>
    public sealed class FaultyMqttLink : IMqttLink
    {
        private readonly IMqttLink _inner;
        private readonly IFaultState _faults;
        private readonly Action<bool> _onConnectionChanged;
        private readonly SimulatedWifi _wifi;
        private bool _wasDown;

        public FaultyMqttLink(IMqttLink inner, IFaultState faults, Action<bool> onConnectionChanged = null, SimulatedWifi wifi = null)
        {
            _inner = inner ?? throw new ArgumentNullException(nameof(inner));
            _faults = faults ?? throw new ArgumentNullException(nameof(faults));
            _onConnectionChanged = onConnectionChanged;
            _wifi = wifi;
        }

        /// <summary>Publishes refused because of an outage.</summary>
        public long DroppedPublishes { get; private set; }

        /// <summary>Connect attempts made during an outage.</summary>
        public long FailedConnects { get; private set; }

        /// <summary>Outages begun (seen by a call on this link).</summary>
        public int Outages { get; private set; }

        /// <summary>True while broker-down or wifi-down is active (or the simulated Wi-Fi station is not joined).</summary>
        public bool Down
        {
            get { return CheckDown(); }
        }

        public bool IsConnected
        {
            get { return !CheckDown() && _inner.IsConnected; }
        }

        public bool BeginConnect(MqttConnectOptions options)
        {
            if (CheckDown())
            {
                FailedConnects++;
                return !NoWifi();
            }

            return _inner.BeginConnect(options);
        }

        public bool Publish(string topic, byte[] payload, bool retain)
        {
            if (CheckDown())
            {
                DroppedPublishes++;
                return false;
            }

            return _inner.Publish(topic, payload, retain);
        }

        public bool Subscribe(string[] topicFilters)
        {
            return !CheckDown() && _inner.Subscribe(topicFilters);
        }

        public void Disconnect()
        {
            _inner.Disconnect();
        }

        private bool NoWifi()
        {
            return _faults.IsActive(FaultKind.WifiDown) || (_wifi != null && !_wifi.IsJoined);
        }

        private bool CheckDown()
        {
            bool down = _faults.IsActive(FaultKind.BrokerDown) || NoWifi();
            if (down && !_wasDown)
            {
                Outages++;
                bool wasConnected = _inner.IsConnected;
                _inner.Disconnect();
                if (wasConnected && _onConnectionChanged != null)
                {
                    _onConnectionChanged(false);
                }
            }

            _wasDown = down;
            return down;
        }
    }
}
