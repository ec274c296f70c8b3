// Compile-only shim, not deployed. Declares only members that exist upstream.
// Package: nanoFramework.M2Mqtt 5.1.220
// Upstream: nanoframework/nanoFramework.m2mqtt@820878720740409782046cb85329884d59ba9974 M2Mqtt/MqttClient.cs
// Upstream: nanoframework/nanoFramework.m2mqtt@820878720740409782046cb85329884d59ba9974 M2Mqtt/MqttSettings.cs
// Upstream: nanoframework/nanoFramework.m2mqtt@820878720740409782046cb85329884d59ba9974 M2Mqtt/Exceptions/MqttClientException.cs
// Upstream: nanoframework/nanoFramework.m2mqtt@820878720740409782046cb85329884d59ba9974 M2Mqtt/Exceptions/MqttCommunicationException.cs
// Upstream: nanoframework/nanoFramework.m2mqtt@820878720740409782046cb85329884d59ba9974 M2Mqtt/Exceptions/MqttConnectionException.cs
// Upstream: nanoframework/nanoFramework.m2mqtt@820878720740409782046cb85329884d59ba9974 M2Mqtt/Exceptions/MqttTimeoutException.cs
// Upstream: nanoframework/nanoFramework.m2mqtt@820878720740409782046cb85329884d59ba9974 M2Mqtt/Messages/ConnectionOpenedEventArgs.cs
// Upstream: nanoframework/nanoFramework.m2mqtt@820878720740409782046cb85329884d59ba9974 M2Mqtt/Messages/ConnectionClosedRequestEventArgs.cs
// Upstream: nanoframework/nanoFramework.m2mqtt@820878720740409782046cb85329884d59ba9974 M2Mqtt/Messages/MqttMsgAuthenticationEventArgs.cs
// Upstream: nanoframework/nanoFramework.m2mqtt@820878720740409782046cb85329884d59ba9974 M2Mqtt/Messages/MqttMsgBase.cs
// Upstream: nanoframework/nanoFramework.m2mqtt@820878720740409782046cb85329884d59ba9974 M2Mqtt/Messages/MqttMsgConnack.cs
// Upstream: nanoframework/nanoFramework.m2mqtt@820878720740409782046cb85329884d59ba9974 M2Mqtt/Messages/MqttMsgDisconnect.cs
// Upstream: nanoframework/nanoFramework.m2mqtt@820878720740409782046cb85329884d59ba9974 M2Mqtt/Messages/MqttMsgAuthentication.cs
// This file mirrors the nanoFramework.M2Mqtt.dll assembly shipped in the package.
// No constructor takes an IPAddress; there is no Publish(topic, message, qosLevel, retain) overload.
// The four message events use the delegate types nested in IMqttClient (MqttClient's own nested delegates of
// the same names exist too but are not the event types). Not declared (subset): MqttMsgBase.Type and the
// protected/static parse helpers, the other MqttMsg* packet classes, the internal parameterless constructor.
// Device behaviour this compile-only shim cannot show (modelled in tests/Greenhouse.Firmware.Tests/Models/nanoFramework.M2Mqtt):
// - with secure = true the server certificate is verified (SslStream's default CertificateRequired) against the CA
//   passed in plus any CA bundle stored in the device configuration (nf-interpreter ssl_generic_init_internal.cpp);
//   with neither, or before SNTP has set the clock, Connect throws after a failed handshake with no useful message.
using System;
using System.Collections;
using System.Security.Cryptography.X509Certificates;
using nanoFramework.M2Mqtt.Messages;

namespace nanoFramework.M2Mqtt
{
    public class MqttClient : IMqttClient, IDisposable
    {
        public delegate void MqttMsgPublishEventHandler(object sender, MqttMsgPublishEventArgs e);
        public delegate void MqttMsgPublishedEventHandler(object sender, MqttMsgPublishedEventArgs e);
        public delegate void MqttMsgSubscribedEventHandler(object sender, MqttMsgSubscribedEventArgs e);
        public delegate void MqttMsgUnsubscribedEventHandler(object sender, MqttMsgUnsubscribedEventArgs e);
        public delegate void MqttMsgAuthenticationEventHandler(object sender, MqttMsgAuthenticationEventArgs e);
        public delegate void ConnectionOpenedEventHandler(object sender, ConnectionOpenedEventArgs e);
        public delegate void ConnectionClosedEventHandler(object sender, EventArgs e);
        public delegate void ConnectionClosedRequestEventHandler(object sender, ConnectionClosedRequestEventArgs e);

        public event IMqttClient.MqttMsgPublishEventHandler MqttMsgPublishReceived { add { } remove { } }
        public event IMqttClient.MqttMsgPublishedEventHandler MqttMsgPublished { add { } remove { } }
        public event IMqttClient.MqttMsgSubscribedEventHandler MqttMsgSubscribed { add { } remove { } }
        public event IMqttClient.MqttMsgUnsubscribedEventHandler MqttMsgUnsubscribed { add { } remove { } }
        public event ConnectionOpenedEventHandler ConnectionOpened { add { } remove { } }
        public event IMqttClient.ConnectionClosedEventHandler ConnectionClosed { add { } remove { } }
        public event ConnectionClosedRequestEventHandler ConnectionClosedRequest { add { } remove { } }
        public event MqttMsgAuthenticationEventHandler Authentication { add { } remove { } }

        public bool IsConnected { get { throw null; } private set { throw null; } }
        public string ClientId { get { throw null; } private set { throw null; } }
        public bool CleanSession { get { throw null; } private set { throw null; } }
        public bool WillFlag { get { throw null; } private set { throw null; } }
        public MqttQoSLevel WillQosLevel { get { throw null; } private set { throw null; } }
        public string WillTopic { get { throw null; } private set { throw null; } }
        public string WillMessage { get { throw null; } private set { throw null; } }
        public MqttProtocolVersion ProtocolVersion { get { throw null; } set { throw null; } }
        public string AuthenticationMethod { get { throw null; } set { throw null; } }
        public byte[] AuthenticationData { get { throw null; } set { throw null; } }
        public uint SessionExpiryInterval { get { throw null; } set { throw null; } }
        public bool RequestProblemInformation { get { throw null; } set { throw null; } }
        public bool RequestResponseInformation { get { throw null; } set { throw null; } }
        public ushort ReceiveMaximum { get { throw null; } set { throw null; } }
        public ushort TopicAliasMaximum { get { throw null; } set { throw null; } }
        public uint WillDelayInterval { get { throw null; } set { throw null; } }
        public ArrayList UserProperties { get { throw null; } internal set { throw null; } }
        public uint MaximumPacketSize { get { throw null; } set { throw null; } }
        public bool IsAuthenticationFlow { get { throw null; } set { throw null; } }
        public MqttSettings Settings { get { throw null; } }

        public MqttClient(string brokerHostName) { throw null; }
        public MqttClient(string brokerHostName, int brokerPort, bool secure, X509Certificate caCert, X509Certificate clientCert, MqttSslProtocols sslProtocol) { throw null; }
        public void Init(string brokerHostName, int brokerPort, bool secure, byte[] caCert, byte[] clientCert, MqttSslProtocols sslProtocol) { throw null; }

        public MqttReasonCode Connect(string clientId) { throw null; }
        public MqttReasonCode Connect(string clientId, bool cleanSession) { throw null; }
        public MqttReasonCode Connect(string clientId, string username, string password) { throw null; }
        public MqttReasonCode Connect(string clientId, string username, string password, bool cleanSession, ushort keepAlivePeriod) { throw null; }
        public MqttReasonCode Connect(string clientId, string username, string password, bool willRetain, MqttQoSLevel willQosLevel, bool willFlag, string willTopic, string willMessage, bool cleanSession, ushort keepAlivePeriod) { throw null; }

        public void Disconnect() { throw null; }
        public void Close() { throw null; }
        public void Dispose() { throw null; }

        public ushort Subscribe(string[] topics, MqttQoSLevel[] qosLevels) { throw null; }
        public ushort Unsubscribe(string[] topics) { throw null; }

        public ushort Publish(string topic, byte[] message) { throw null; }
        public ushort Publish(string topic, byte[] message, string contentType) { throw null; }
        public ushort Publish(string topic, byte[] message, string contentType, ArrayList userProperties) { throw null; }
        public ushort Publish(string topic, byte[] message, string contentType, ArrayList userProperties, MqttQoSLevel qosLevel, bool retain) { throw null; }
    }

    public enum MqttProtocolVersion
    {
        Version_3_1 = 0x03,
        Version_3_1_1 = 0x04,
        Version_5 = 0x05,
    }

    public class MqttSettings
    {
        private MqttSettings() { }
        public const int BrokerDefaultPort = 1883;
        public const int BrokerDefaultSslPort = 8883;
        public const int DefaultTimeout = 30_000;
        public const int MaximumAttemptsRetry = 3;
        public const int DefaultDelayRetry = 1_000;
        public const int ConnectTimeout = 30_000;
        public const int DefaultInflightQueueSize = int.MaxValue;
        public int Port { get { throw null; } internal set { throw null; } }
        public int SslPort { get { throw null; } internal set { throw null; } }
        public int TimeoutOnConnection { get { throw null; } internal set { throw null; } }
        public int TimeoutOnReceiving { get { throw null; } internal set { throw null; } }
        public int AttemptsOnRetry { get { throw null; } internal set { throw null; } }
        public int DelayOnRetry { get { throw null; } internal set { throw null; } }
        public int InflightQueueSize { get { throw null; } set { throw null; } }
        public bool ValidateServerCertificate { get { throw null; } set { throw null; } }
        public static MqttSettings Instance { get { throw null; } }
    }
}

namespace nanoFramework.M2Mqtt.Exceptions
{
    public class MqttClientException : Exception
    {
        public MqttClientException(MqttClientErrorCode errorCode) { throw null; }
        public MqttClientErrorCode ErrorCode { get { throw null; } set { throw null; } }
    }

    public enum MqttClientErrorCode
    {
        WillWrong = 1,
        KeepAliveWrong,
        TopicWildcard,
        TopicLength,
        QosNotAllowed,
        TopicsEmpty,
        QosLevelsEmpty,
        TopicsQosLevelsNotMatch,
        WrongBrokerMessage,
        WrongMessageId,
        InflightQueueFull,
        InvalidFlagBits,
        InvalidConnectFlags,
        InvalidClientId,
        InvalidProtocolName,
    }

    public class MqttCommunicationException : Exception
    {
        public MqttCommunicationException() { throw null; }
        public MqttCommunicationException(Exception e) { throw null; }
    }

    public class MqttConnectionException : Exception
    {
        public MqttConnectionException(string message, Exception innerException) { throw null; }
    }

    public class MqttTimeoutException : Exception
    {
    }
}

namespace nanoFramework.M2Mqtt.Messages
{
    public class ConnectionOpenedEventArgs : EventArgs
    {
        public MqttMsgConnack Message { get { throw null; } private set { throw null; } }
        public ConnectionOpenedEventArgs(MqttMsgConnack connact) { throw null; }
    }

    public class ConnectionClosedRequestEventArgs : EventArgs
    {
        public MqttMsgDisconnect Message { get { throw null; } private set { throw null; } }
        public ConnectionClosedRequestEventArgs(MqttMsgDisconnect disconnect) { throw null; }
    }

    public class MqttMsgAuthenticationEventArgs : EventArgs
    {
        public MqttMsgAuthentication Message { get { throw null; } private set { throw null; } }
        public MqttMsgAuthenticationEventArgs(MqttMsgAuthentication authentication) { throw null; }
    }

    public abstract class MqttMsgBase
    {
        public bool DupFlag { get { throw null; } set { throw null; } }
        public MqttQoSLevel QosLevel { get { throw null; } set { throw null; } }
        public bool Retain { get { throw null; } set { throw null; } }
        public ushort MessageId { get { throw null; } set { throw null; } }
        public ArrayList UserProperties { get { throw null; } internal set { throw null; } }
        public uint MaximumPacketSize { get { throw null; } set { throw null; } }
        public abstract byte[] GetBytes(MqttProtocolVersion protocolVersion);
    }

    public class MqttMsgConnack : MqttMsgBase
    {
        public MqttMsgConnack() { throw null; }
        public bool SessionPresent { get { throw null; } set { throw null; } }
        public MqttReasonCode ReturnCode { get { throw null; } set { throw null; } }
        public uint SessionExpiryInterval { get { throw null; } set { throw null; } }
        public ushort ReceiveMaximum { get { throw null; } set { throw null; } }
        public bool MaximumQoS { get { throw null; } set { throw null; } }
        public bool RetainAvailable { get { throw null; } set { throw null; } }
        public string AssignedClientIdentifier { get { throw null; } set { throw null; } }
        public ushort TopicAliasMaximum { get { throw null; } set { throw null; } }
        public string Reason { get { throw null; } set { throw null; } }
        public bool WildcardSubscriptionAvailable { get { throw null; } set { throw null; } }
        public bool SubscriptionIdentifiersAvailable { get { throw null; } set { throw null; } }
        public bool SharedSubscriptionAvailable { get { throw null; } set { throw null; } }
        public ushort ServerKeepAlive { get { throw null; } set { throw null; } }
        public string ResponseInformation { get { throw null; } set { throw null; } }
        public string ServerReference { get { throw null; } set { throw null; } }
        public string AuthenticationMethod { get { throw null; } set { throw null; } }
        public byte[] AuthenticationData { get { throw null; } set { throw null; } }
        public override byte[] GetBytes(MqttProtocolVersion protocolVersion) { throw null; }
        public override string ToString() { throw null; }
    }

    public class MqttMsgDisconnect : MqttMsgBase
    {
        public MqttMsgDisconnect() { throw null; }
        public uint SessionExpiryInterval { get { throw null; } set { throw null; } }
        public string Reason { get { throw null; } set { throw null; } }
        public string ServerReference { get { throw null; } set { throw null; } }
        public MqttReasonCode ResonCode { get { throw null; } set { throw null; } }
        public override byte[] GetBytes(MqttProtocolVersion protocolVersion) { throw null; }
        public override string ToString() { throw null; }
    }

    public class MqttMsgAuthentication : MqttMsgBase
    {
        public MqttMsgAuthentication() { throw null; }
        public string AuthenticationMethod { get { throw null; } set { throw null; } }
        public byte[] AuthenticationData { get { throw null; } set { throw null; } }
        public string Reason { get { throw null; } set { throw null; } }
        public MqttReasonCode ReasonCode { get { throw null; } set { throw null; } }
        public override byte[] GetBytes(MqttProtocolVersion protocolVersion) { throw null; }
    }
}
