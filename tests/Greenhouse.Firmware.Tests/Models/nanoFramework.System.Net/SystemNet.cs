// Behaviour model for host tests, not upstream code. Models: nanoFramework.System.Net 1.11.60 types the firmware
// uses whose shape differs from the base library (so these replace the base-library types here, CS0436):
// NetworkInterface.PhysicalAddress is a byte[] (no PhysicalAddress class); X509Certificate(string) takes PEM TEXT,
// not a file name.
using Greenhouse.Firmware.Tests.Models;

namespace System.Net.NetworkInformation
{
    public class NetworkInterface
    {
        public static byte[] Mac = { 0xA4, 0xCF, 0x12, 0x51, 0xAC, 0x01 };

        public static NetworkInterface[] GetAllNetworkInterfaces()
        {
            return new NetworkInterface[] { new NetworkInterface() };
        }

        public byte[] PhysicalAddress
        {
            get { return Mac; }
        }
    }
}

namespace System.Security.Cryptography.X509Certificates
{
    public class X509Certificate
    {
        public X509Certificate()
        {
        }

        public X509Certificate(string certificate)
        {
            if (certificate == null || certificate.IndexOf("-----BEGIN CERTIFICATE-----") < 0)
            {
                throw new ArgumentException("not a PEM certificate");
            }

            Pem = certificate;
        }

        public X509Certificate(byte[] certificate)
        {
            Pem = certificate == null ? null : System.Text.Encoding.UTF8.GetString(certificate);
        }

        public string Pem { get; }
    }
}
