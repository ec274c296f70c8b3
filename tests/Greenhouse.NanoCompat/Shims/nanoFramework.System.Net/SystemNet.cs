// Compile-only shim, not deployed. Declares only members that exist upstream.
// Package: nanoFramework.System.Net 1.11.60
// Upstream: nanoframework/System.Net@713b02c9fea5265e4e70981a9115daa3b5745c4c nanoFramework.System.Net/NetworkHelper/NetworkHelperStatus.cs
// Upstream: nanoframework/System.Net@713b02c9fea5265e4e70981a9115daa3b5745c4c nanoFramework.System.Net/NetworkHelper/IPConfiguration.cs
// Upstream: nanoframework/System.Net@713b02c9fea5265e4e70981a9115daa3b5745c4c nanoFramework.System.Net/X509Certificates/X509Certificate.cs
// Upstream: nanoframework/System.Net@713b02c9fea5265e4e70981a9115daa3b5745c4c nanoFramework.System.Net/NetworkInformation/NetworkInterface.cs
// Upstream: nanoframework/System.Net@713b02c9fea5265e4e70981a9115daa3b5745c4c nanoFramework.System.Net/NetworkInformation/NetworkInterfaceType.cs
// UNVERIFIED version match: the snapshot's newest tag is v1.11.54 (= the commit above); 1.11.60 is the pinned
// package. Only dependency bumps are expected between them; the declared members were read at v1.11.54.
// There is no PhysicalAddress class: NetworkInterface.PhysicalAddress is a byte[] (the MAC address).
// Not declared (subset): sockets, DNS, IPAddress, SslStream, NetworkChange, Wireless80211Configuration, etc.
namespace nanoFramework.Networking
{
    public enum NetworkHelperStatus
    {
        None,
        Started,
        NetworkIsReady,
        FailedNoNetworkInterface,
        TokenExpiredWaitingIPAddress,
        TokenExpiredWaitingDateTime,
        ErrorConnetingToWiFiWhileScanning,
        ExceptionOccurred,
        Reconnecting,
    }

    public class IPConfiguration
    {
        public IPConfiguration(string ipv4Address, string ipv4SubnetMask, string ipv4GatewayAddress, string[] ipv4DnsAddresses = null) { throw null; }
        public string IPAddress { get { throw null; } set { throw null; } }
        public string IPSubnetMask { get { throw null; } set { throw null; } }
        public string IPGatewayAddress { get { throw null; } set { throw null; } }
        public string[] IPDns { get { throw null; } set { throw null; } }
    }
}

namespace System.Security.Cryptography.X509Certificates
{
    public class X509Certificate
    {
        protected string _issuer;
        protected string _subject;
        protected DateTime _effectiveDate;
        protected DateTime _expirationDate;
        protected byte[] _handle;
        protected byte[] _sessionHandle;
        public X509Certificate() { throw null; }
        public X509Certificate(byte[] certificate) { throw null; }
        public X509Certificate(string certificate) { throw null; }
        public virtual string Issuer { get { throw null; } }
        public virtual string Subject { get { throw null; } }
        public virtual DateTime GetEffectiveDate() { throw null; }
        public virtual DateTime GetExpirationDate() { throw null; }
        public virtual byte[] GetRawCertData() { throw null; }
    }
}

namespace System.Net.NetworkInformation
{
    public class NetworkInterface
    {
        protected NetworkInterface(int interfaceIndex) { throw null; }
        public static bool GetIsNetworkAvailable() { throw null; }
        public static NetworkInterface[] GetAllNetworkInterfaces() { throw null; }
        public void EnableStaticIPv4(string ipv4Address, string ipv4SubnetMask, string ipv4GatewayAddress) { throw null; }
        public void EnableDhcp() { throw null; }
        public void EnableStaticIPv4Dns(string[] dnsAddresses) { throw null; }
        public void EnableAutomaticDns() { throw null; }
        public bool IsAutomaticDnsEnabled { get { throw null; } }
        public string IPv4Address { get { throw null; } }
        public string IPv4GatewayAddress { get { throw null; } }
        public string IPv4SubnetMask { get { throw null; } }
        public bool IsDhcpEnabled { get { throw null; } }
        public string[] IPv4DnsAddresses { get { throw null; } }
        public void ReleaseDhcpLease() { throw null; }
        public void RenewDhcpLease() { throw null; }
        public byte[] PhysicalAddress { get { throw null; } set { throw null; } }
        public NetworkInterfaceType NetworkInterfaceType { get { throw null; } }
        public uint SpecificConfigId { get { throw null; } set { throw null; } }
    }

    public enum NetworkInterfaceType
    {
        Unknown = 1,
        Ethernet = 6,
        Wireless80211 = 71,
        WirelessAP = 72,
    }
}
