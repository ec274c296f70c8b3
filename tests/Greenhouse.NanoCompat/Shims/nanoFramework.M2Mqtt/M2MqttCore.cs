// Compile-only shim, not deployed. Declares only members that exist upstream.
// Package: nanoFramework.M2Mqtt 5.1.220
// Upstream: nanoframework/nanoFramework.m2mqtt@820878720740409782046cb85329884d59ba9974 nanoFramework.M2Mqtt.Core/IMqttClient.cs
// Upstream: nanoframework/nanoFramework.m2mqtt@820878720740409782046cb85329884d59ba9974 nanoFramework.M2Mqtt.Core/MqttSslProtocols.cs
// Upstream: nanoframework/nanoFramework.m2mqtt@820878720740409782046cb85329884d59ba9974 nanoFramework.M2Mqtt.Core/UserProperty.cs
// Upstream: nanoframework/nanoFramework.m2mqtt@820878720740409782046cb85329884d59ba9974 nanoFramework.M2Mqtt.Core/Messages/MqttQoSLevel.cs
// Upstream: nanoframework/nanoFramework.m2mqtt@820878720740409782046cb85329884d59ba9974 nanoFramework.M2Mqtt.Core/Messages/MqttReasonCode.cs
// Upstream: nanoframework/nanoFramework.m2mqtt@820878720740409782046cb85329884d59ba9974 nanoFramework.M2Mqtt.Core/Messages/MqttMsgPublishEventArgs.cs
// Upstream: nanoframework/nanoFramework.m2mqtt@820878720740409782046cb85329884d59ba9974 nanoFramework.M2Mqtt.Core/Messages/MqttMsgPublishedEventArgs.cs
// Upstream: nanoframework/nanoFramework.m2mqtt@820878720740409782046cb85329884d59ba9974 nanoFramework.M2Mqtt.Core/Messages/MqttMsgSubscribeEventArgs.cs
// Upstream: nanoframework/nanoFramework.m2mqtt@820878720740409782046cb85329884d59ba9974 nanoFramework.M2Mqtt.Core/Messages/MqttMsgSubscribedEventArgs.cs
// Upstream: nanoframework/nanoFramework.m2mqtt@820878720740409782046cb85329884d59ba9974 nanoFramework.M2Mqtt.Core/Messages/MqttMsgUnsubscribeEventArgs.cs
// Upstream: nanoframework/nanoFramework.m2mqtt@820878720740409782046cb85329884d59ba9974 nanoFramework.M2Mqtt.Core/Messages/MqttMsgUnsubscribedEventArgs.cs
// This file mirrors the nanoFramework.M2Mqtt.Core.dll assembly shipped in the package.
// IMqttClient is declared COMPLETE (a fake implementing it must implement exactly these members). Its only
// Connect is the 10-argument one; its Publish overloads are the 2-, 3- and 6-argument ones.
using System;
using System.Collections;
using nanoFramework.M2Mqtt.Messages;

namespace nanoFramework.M2Mqtt
{
    public interface IMqttClient
    {
        public bool IsConnected { get; }

        void Init(string brokerHostName, int brokerPort, bool secure, byte[] caCert, byte[] clientCert, MqttSslProtocols sslProtocol);

        public MqttReasonCode Connect(string clientId, string username, string password, bool willRetain, MqttQoSLevel willQosLevel, bool willFlag, string willTopic, string willMessage, bool cleanSession, ushort keepAlivePeriod);

        public void Disconnect();

        public ushort Subscribe(string[] topics, MqttQoSLevel[] qosLevels);

        public ushort Unsubscribe(string[] topics);

        public ushort Publish(string topic, byte[] message, string contentType, ArrayList userProperties, MqttQoSLevel qosLevel, bool retain);

        public ushort Publish(string topic, byte[] message, string contentType);

        public ushort Publish(string topic, byte[] message);

        public void Close();

        public delegate void MqttMsgPublishEventHandler(object sender, MqttMsgPublishEventArgs e);

        public event IMqttClient.MqttMsgPublishEventHandler MqttMsgPublishReceived;

        public delegate void MqttMsgPublishedEventHandler(object sender, MqttMsgPublishedEventArgs e);

        public event MqttMsgPublishedEventHandler MqttMsgPublished;

        public delegate void MqttMsgSubscribedEventHandler(object sender, MqttMsgSubscribedEventArgs e);

        public event MqttMsgSubscribedEventHandler MqttMsgSubscribed;

        public delegate void MqttMsgUnsubscribedEventHandler(object sender, MqttMsgUnsubscribedEventArgs e);

        public event MqttMsgUnsubscribedEventHandler MqttMsgUnsubscribed;

        public delegate void ConnectionClosedEventHandler(object sender, EventArgs e);

        public event ConnectionClosedEventHandler ConnectionClosed;
    }

    public enum MqttSslProtocols
    {
        None,
        SSLv3,
        TLSv1_0,
        TLSv1_1,
        TLSv1_2,
        TLSv1_3,
    }
}

namespace nanoFramework.M2Mqtt.Messages
{
    public class UserProperty
    {
        public UserProperty(string name, string value) { throw null; }
        public string Name { get { throw null; } set { throw null; } }
        public string Value { get { throw null; } set { throw null; } }
    }

    public enum MqttQoSLevel
    {
        AtMostOnce = 0x00,
        AtLeastOnce = 0x01,
        ExactlyOnce = 0x02,
        GrantedFailure = 0x80,
    }

    // Several names share a value (v5 and v3.1.1 codes live in one enum), as upstream.
    public enum MqttReasonCode
    {
        Success = 0x00,
        NormalDisconnection = 0x00,
        GrantedQoS0 = 0x00,
        GrantedQoS1 = 0x01,
        GrantedQoS2 = 0x02,
        DisconnectWithWillMessage = 0x04,
        NoMatchingSubscribers = 0x10,
        NoSubscriptionExisted = 0x11,
        ContinueAuthentication = 0x18,
        ReAuthenticate = 0x19,
        UnspecifiedError = 0x80,
        MalformedPacket = 0x81,
        ProtocolError = 0x82,
        ImplementationSpecificError = 0x83,
        UnsupportedProtocolVersion = 0x84,
        ClientIdentifierNotValid = 0x85,
        BadUserNameOrPassword = 0x86,
        NotAuthorized = 0x87,
        ServerUnavailable = 0x88,
        ServerBusy = 0x89,
        Banned = 0x8A,
        ServeShuttingDown = 0x8B,
        BadAuthenticationMethod = 0x8C,
        KeepAliveTimeout = 0x8D,
        SessionTakenOver = 0x8E,
        TopicFilterInvalid = 0x8F,
        TopicNameInvalid = 0x90,
        PacketIdentifierInUse = 0x91,
        PacketIdentifierNotFound = 0x92,
        ReceiveMaximumExceeded = 0x93,
        TopicAliasInvalid = 0x94,
        PacketTooLarge = 0x95,
        MessageRateTooHigh = 0x96,
        QuotaExceeded = 0x97,
        AdministrativeAction = 0x98,
        PayloadFormatInvalid = 0x99,
        RetainNotSupported = 0x9A,
        QoSNotSupported = 0x9B,
        UseAnotherServer = 0x9C,
        ServerMoved = 0x9D,
        SharedSubscriptionsNotSupported = 0x9E,
        ConnectionRateExceeded = 0x9F,
        MaximumConnectTime = 0xA0,
        SubscriptionIdentifiersNotSupported = 0xA1,
        WildcardSubscriptionsNotSupported = 0xA2,
        ConnectionRefusedUnacceptableProtocolVersion = 0x01,
        ConnectionRefusedIdentifierRejected = 0x02,
        ConnectionRefusedServerUnavailable = 0x03,
        ConnectionRefusedBadUserNameOrPassword = 0x04,
        ConnectionRefusedNotAuthorized = 0x05,
    }

    public class MqttMsgPublishEventArgs : EventArgs
    {
        public string Topic { get { throw null; } internal set { throw null; } }
        public byte[] Message { get { throw null; } internal set { throw null; } }
        public bool DupFlag { get { throw null; } internal set { throw null; } }
        public MqttQoSLevel QosLevel { get { throw null; } internal set { throw null; } }
        public bool Retain { get { throw null; } internal set { throw null; } }
        public MqttMsgPublishEventArgs(string topic, byte[] message, bool dupFlag, MqttQoSLevel qosLevel, bool retain) { throw null; }
    }

    public class MqttMsgPublishedEventArgs : EventArgs
    {
        public ushort MessageId { get { throw null; } set { throw null; } }
        public bool IsPublished { get { throw null; } set { throw null; } }
        public MqttMsgPublishedEventArgs(ushort messageId) { throw null; }
        public MqttMsgPublishedEventArgs(ushort messageId, bool isPublished) { throw null; }
    }

    public class MqttMsgSubscribeEventArgs : EventArgs
    {
        public ushort MessageId { get { throw null; } internal set { throw null; } }
        public string[] Topics { get { throw null; } internal set { throw null; } }
        public MqttQoSLevel[] QoSLevels { get { throw null; } internal set { throw null; } }
        public MqttMsgSubscribeEventArgs(ushort messageId, string[] topics, MqttQoSLevel[] qosLevels) { throw null; }
    }

    public class MqttMsgSubscribedEventArgs : EventArgs
    {
        public ushort MessageId { get { throw null; } internal set { throw null; } }
        public MqttQoSLevel[] GrantedQoSLevels { get { throw null; } internal set { throw null; } }
        public MqttMsgSubscribedEventArgs(ushort messageId, MqttQoSLevel[] grantedQosLevels) { throw null; }
    }

    public class MqttMsgUnsubscribeEventArgs : EventArgs
    {
        public ushort MessageId { get { throw null; } internal set { throw null; } }
        public string[] Topics { get { throw null; } internal set { throw null; } }
        public MqttMsgUnsubscribeEventArgs(ushort messageId, string[] topics) { throw null; }
    }

    public class MqttMsgUnsubscribedEventArgs : EventArgs
    {
        public ushort MessageId { get { throw null; } }
        public MqttMsgUnsubscribedEventArgs(ushort messageId) { throw null; }
    }
}
