namespace Greenhouse.Ports
{
    /// <summary>
    /// The MQTT connection (nanoFramework.M2Mqtt on the device, MQTTnet on the host). The adapter owns the
    /// socket and any thread it needs; every call here returns without waiting for the network.
    /// Received messages are handed to the core's inbox by the adapter (see Greenhouse.App.Inbox).
    /// </summary>
    public interface IMqttLink
    {
        /// <summary>True while a session with the broker is up.</summary>
        bool IsConnected { get; }

        /// <summary>
        /// Starts a connection attempt in the background with the given last will (retained).
        /// Returns false when an attempt cannot be started (already connecting, no network).
        /// </summary>
        bool BeginConnect(MqttConnectOptions options);

        /// <summary>Queues a publish; false when not connected or the queue is full (the message is dropped).</summary>
        bool Publish(string topic, byte[] payload, bool retain);

        /// <summary>Subscribes to the given topic filters (QoS 1); false when not connected.</summary>
        bool Subscribe(string[] topicFilters);

        /// <summary>Closes the session (used before a reboot); the last will is then not sent.</summary>
        void Disconnect();
    }

    /// <summary>Everything an adapter needs to open a session.</summary>
    public sealed class MqttConnectOptions
    {
        public string Host;
        public int Port;
        public string ClientId;
        public string UserName;
        public string Password;
        public bool UseTls;
        /// <summary>PEM text of the CA certificate, or null.</summary>
        public string CaCertificatePem;
        public string WillTopic;
        public string WillPayload;
        public int KeepAliveSeconds;
        public bool CleanSession;
    }
}
