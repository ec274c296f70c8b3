using System;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using Greenhouse.App;
using Greenhouse.Ports;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Messages;

namespace Greenhouse.Firmware.Adapters
{
    /// <summary>
    /// IMqttLink over nanoFramework.M2Mqtt 5.1.220. The blocking Connect (DNS, TCP, TLS handshake, CONNACK) runs on
    /// its own short-lived thread, so the control tick never waits for the network; Publish and Subscribe only hand
    /// packets to M2Mqtt's in-flight queue. Received messages and connection changes go to the controller's inbox.
    /// The MQTT protocol is 3.1.1 (the library default); every publish and subscription is QoS 1.
    /// <para>TLS: nanoFramework's SslStream requires a verified server certificate, so a TLS connection is started only
    /// with the broker's CA (blob ca.pem, which the core refuses to do without when mqtt.tls is switched on) and only
    /// once the clock has been set by SNTP (a certificate cannot be checked against the power-on date). Otherwise
    /// <see cref="BeginConnect"/> returns false and <see cref="LastError"/> says why; the core retries later.</para>
    /// </summary>
    public sealed class M2MqttLink : IMqttLink
    {
        /// <summary>Publishes M2Mqtt may hold in flight; beyond that Publish returns false (heap bound).</summary>
        public const int InflightQueueSize = 24;

        private Inbox _inbox;
        private readonly IClock _clock;
        private readonly object _gate = new object();
        private MqttClient _client;
        private MqttConnectOptions _pending;
        private bool _connected;
        private bool _connecting;

        /// <summary>Creates the link; call <see cref="Attach"/> with the controller's inbox before Controller.Start.</summary>
        /// <param name="clock">Wall time: a TLS connection waits until it is set.</param>
        public M2MqttLink(IClock clock)
        {
            _clock = clock;
        }

        /// <summary>
        /// Connects the link to the controller's inbox. The controller owns the inbox and takes the link in its
        /// ports, so the firmware builds the link first, then the controller, then attaches.
        /// </summary>
        public void Attach(Inbox inbox)
        {
            lock (_gate)
            {
                _inbox = inbox;
            }
        }

        private void Post(string topic, byte[] payload, bool retained)
        {
            Inbox inbox = _inbox;
            if (inbox != null)
            {
                inbox.PostMqtt(topic, payload, retained);
            }
        }

        private void PostConnection(bool up)
        {
            Inbox inbox = _inbox;
            if (inbox != null)
            {
                inbox.PostConnection(up);
            }
        }

        /// <summary>Short text of the last connection failure (never contains the password), or null.</summary>
        public string LastError { get; private set; }

        public bool IsConnected
        {
            get
            {
                lock (_gate)
                {
                    return _connected && _client != null && _client.IsConnected;
                }
            }
        }

        public bool BeginConnect(MqttConnectOptions options)
        {
            if (options.UseTls)
            {
                DateTime now;
                if (options.CaCertificatePem == null || options.CaCertificatePem.Length == 0)
                {
                    Refuse("TLS needs the broker's CA certificate: store ca.pem on the device (hardware-docs/flashing.md)");
                    return false;
                }

                if (_clock == null || !_clock.TryGetUtcNow(out now))
                {
                    Refuse("TLS waits for the clock: no SNTP time yet");
                    return false;
                }
            }

            lock (_gate)
            {
                if (_connecting)
                {
                    return false;
                }

                _connecting = true;
                _pending = options;
            }

            Thread worker = new Thread(ConnectWorker);
            worker.Start();
            return true;
        }

        private void Refuse(string reason)
        {
            if (LastError != reason)
            {
                System.Diagnostics.Debug.WriteLine("mqtt: " + reason);
            }

            LastError = reason;
        }

        private void ConnectWorker()
        {
            MqttConnectOptions options;
            MqttClient old;
            lock (_gate)
            {
                options = _pending;
                old = _client;
                _client = null;
                _connected = false;
            }

            CloseQuietly(old);
            MqttClient client = null;
            try
            {
                X509Certificate ca = options.UseTls ? new X509Certificate(options.CaCertificatePem) : null;

                client = new MqttClient(options.Host, options.Port, options.UseTls, ca, null,
                    options.UseTls ? MqttSslProtocols.TLSv1_2 : MqttSslProtocols.None);
                client.Settings.InflightQueueSize = InflightQueueSize;
                client.MqttMsgPublishReceived += OnMessage;
                client.ConnectionClosed += OnClosed;
                MqttReasonCode code = client.Connect(options.ClientId, options.UserName, options.Password,
                    true, MqttQoSLevel.AtLeastOnce, true, options.WillTopic, options.WillPayload,
                    options.CleanSession, (ushort)options.KeepAliveSeconds);
                if (code == MqttReasonCode.Success)
                {
                    lock (_gate)
                    {
                        _client = client;
                        _connected = true;
                    }

                    LastError = null;
                    PostConnection(true);
                    client = null;
                }
                else
                {
                    LastError = "connect refused, code " + ((int)code).ToString();
                }
            }
            catch (Exception ex)
            {
                LastError = ex.Message == null || ex.Message.Length == 0 ? ex.GetType().Name : ex.GetType().Name + ": " + ex.Message;
            }
            finally
            {
                CloseQuietly(client);
                lock (_gate)
                {
                    _connecting = false;
                }
            }
        }

        public bool Publish(string topic, byte[] payload, bool retain)
        {
            MqttClient client = Current();
            if (client == null)
            {
                return false;
            }

            try
            {
                // M2Mqtt 5.1 has no (topic, message, qos, retain) overload: contentType and userProperties must be null on 3.1.1.
                client.Publish(topic, payload, null, null, MqttQoSLevel.AtLeastOnce, retain);
                return true;
            }
            catch (Exception)
            {
                return false;
            }
        }

        public bool Subscribe(string[] topicFilters)
        {
            MqttClient client = Current();
            if (client == null)
            {
                return false;
            }

            MqttQoSLevel[] levels = new MqttQoSLevel[topicFilters.Length];
            for (int i = 0; i < levels.Length; i++)
            {
                levels[i] = MqttQoSLevel.AtLeastOnce;
            }

            try
            {
                client.Subscribe(topicFilters, levels);
                return true;
            }
            catch (Exception)
            {
                return false;
            }
        }

        public void Disconnect()
        {
            MqttClient client;
            lock (_gate)
            {
                client = _client;
                _client = null;
                _connected = false;
            }

            if (client != null)
            {
                try
                {
                    client.Disconnect();
                }
                catch (Exception)
                {
                }

                CloseQuietly(client);
            }
        }

        private MqttClient Current()
        {
            lock (_gate)
            {
                return _connected ? _client : null;
            }
        }

        private void OnMessage(object sender, MqttMsgPublishEventArgs e)
        {
            Post(e.Topic, e.Message == null ? new byte[0] : e.Message, e.Retain);
        }

        private void OnClosed(object sender, EventArgs e)
        {
            bool was;
            lock (_gate)
            {
                was = _connected && sender == _client;
                if (was)
                {
                    _connected = false;
                }
            }

            if (was)
            {
                PostConnection(false);
            }
        }

        private static void CloseQuietly(MqttClient client)
        {
            if (client == null)
            {
                return;
            }

            try
            {
                client.Close();
            }
            catch (Exception)
            {
            }
        }
    }
}
