// Behaviour model for host tests, not upstream code. Models: nanoFramework.M2Mqtt 5.1.220 as M2MqttLink uses it.
// Behaviour that matters here (M2Mqtt MqttNetworkChannel over nanoFramework's SslStream, and nf-interpreter
// src/PAL/COM/sockets/ssl/MbedTLS/ssl_generic_init_internal.cpp): with TLS the server certificate is verified
// (CertificateRequired) against the CA passed in plus any CA bundle stored on the device; with neither, or with the
// clock still at its power-on date (certificate not yet valid), the handshake fails and Connect throws.
using System;
using System.Collections;
using System.Security.Cryptography.X509Certificates;
using Greenhouse.Firmware.Tests.Models;
using nanoFramework.M2Mqtt.Messages;

namespace nanoFramework.M2Mqtt
{
    public enum MqttSslProtocols
    {
        None,
        SSLv3,
        TLSv1_0,
        TLSv1_1,
        TLSv1_2,
        TLSv1_3,
    }

    public sealed class MqttSettings
    {
        public int InflightQueueSize { get; set; } = int.MaxValue;
    }

    public delegate void MqttMsgPublishEventHandler(object sender, MqttMsgPublishEventArgs e);

    public delegate void ConnectionClosedEventHandler(object sender, EventArgs e);

    public class MqttClient : IDisposable
    {
        private readonly bool _secure;
        private readonly X509Certificate _ca;

        public MqttClient(string brokerHostName, int brokerPort, bool secure, X509Certificate caCert, X509Certificate clientCert, MqttSslProtocols sslProtocol)
        {
            _secure = secure;
            _ca = caCert;
        }

        public MqttSettings Settings { get; } = new MqttSettings();

        public bool IsConnected { get; private set; }

        public event MqttMsgPublishEventHandler MqttMsgPublishReceived;

        public event ConnectionClosedEventHandler ConnectionClosed;

        public MqttReasonCode Connect(string clientId, string username, string password, bool willRetain, MqttQoSLevel willQosLevel, bool willFlag, string willTopic, string willMessage, bool cleanSession, ushort keepAlivePeriod)
        {
            BrokerModel broker = Esp32Board.Broker;
            if (!broker.Reachable)
            {
                throw new Exception("socket connect failed");
            }

            if (_secure)
            {
                broker.TlsHandshakes++;
                if (_ca == null && !broker.DeviceStoredCaBundle)
                {
                    broker.FailedHandshakes++;
                    broker.LastFailure = "no CA to verify the server";
                    throw new Exception("TLS handshake failed");
                }

                if (!Esp32Board.Wifi.RtcSet)
                {
                    broker.FailedHandshakes++;
                    broker.LastFailure = "certificate not yet valid: clock not set";
                    throw new Exception("TLS handshake failed");
                }
            }

            broker.Connects++;
            IsConnected = true;
            return MqttReasonCode.Success;
        }

        public ushort Publish(string topic, byte[] message, string contentType, ArrayList userProperties, MqttQoSLevel qosLevel, bool retain)
        {
            Esp32Board.Broker.Published.Add(topic);
            return 1;
        }

        public ushort Subscribe(string[] topics, MqttQoSLevel[] qosLevels)
        {
            return 1;
        }

        public void Disconnect()
        {
            IsConnected = false;
        }

        public void Close()
        {
            bool was = IsConnected;
            IsConnected = false;
            if (was && ConnectionClosed != null)
            {
                ConnectionClosed(this, EventArgs.Empty);
            }
        }

        public void Dispose()
        {
            Close();
        }

        /// <summary>Model only: delivers a message as the broker would.</summary>
        public void Deliver(string topic, byte[] payload)
        {
            MqttMsgPublishReceived?.Invoke(this, new MqttMsgPublishEventArgs(topic, payload, false, MqttQoSLevel.AtLeastOnce, false));
        }
    }
}

namespace nanoFramework.M2Mqtt.Messages
{
    public enum MqttQoSLevel
    {
        AtMostOnce = 0x00,
        AtLeastOnce = 0x01,
        ExactlyOnce = 0x02,
        GrantedFailure = 0x80,
    }

    public enum MqttReasonCode
    {
        Success = 0x00,
        UnspecifiedError = 0x80,
        BadUserNameOrPassword = 0x86,
        NotAuthorized = 0x87,
    }

    public class MqttMsgPublishEventArgs : EventArgs
    {
        public MqttMsgPublishEventArgs(string topic, byte[] message, bool dupFlag, MqttQoSLevel qosLevel, bool retain)
        {
            Topic = topic;
            Message = message;
            Retain = retain;
        }

        public string Topic { get; }
        public byte[] Message { get; }
        public bool Retain { get; }
    }
}
