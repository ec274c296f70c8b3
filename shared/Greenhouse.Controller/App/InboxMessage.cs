namespace Greenhouse.App
{
    /// <summary>Where a queued message came from.</summary>
    public enum InboxKind
    {
        /// <summary>An MQTT publish received by the adapter.</summary>
        Mqtt = 0,
        /// <summary>A complete line typed on the technician console.</summary>
        ConsoleLine = 1,
        /// <summary>A connection event from the MQTT adapter (connected / lost).</summary>
        MqttConnection = 2
    }

    /// <summary>One message waiting for the next tick. Plain data; the posting thread makes a new one per message.</summary>
    public sealed class InboxMessage
    {
        public InboxKind Kind;
        /// <summary>MQTT topic, or null for console lines.</summary>
        public string Topic;
        /// <summary>MQTT payload bytes (as received, possibly binary junk).</summary>
        public byte[] Payload;
        /// <summary>The MQTT retain flag as delivered (true = sent from the broker's store, i.e. stale).</summary>
        public bool Retained;
        /// <summary>Console line text, or for MqttConnection "up"/"down".</summary>
        public string Text;
    }
}
