using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Greenhouse.Host;

namespace Greenhouse.EndToEnd.Tests;

/// <summary>TLS with the CA certificate stored as the blob "ca.pem", against Mosquitto with a test CA.</summary>
[TestClass]
public sealed class TlsTests
{
    private static (string caPem, MosquittoBroker.TlsFiles files) MakeCa(string name)
    {
        using RSA caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=" + name, caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        using X509Certificate2 ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));

        using RSA serverKey = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", serverKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(System.Net.IPAddress.Loopback);
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid("1.3.6.1.5.5.7.3.1") }, false));
        using X509Certificate2 server = request.Create(ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(29), new byte[] { 1, 2, 3, 4 });
        string caPem = ca.ExportCertificatePem();
        return (caPem, new MosquittoBroker.TlsFiles(caPem, server.ExportCertificatePem(), serverKey.ExportPkcs8PrivateKeyPem()));
    }

    private static HostedController Controller(string folder, int port, string caPem)
    {
        var store = new FileSettingsStore(folder);
        store.Write("ca.pem", System.Text.Encoding.UTF8.GetBytes(caPem));
        var controller = new HostedController("A4:CF:12:A1:B2:C3", store);
        controller.Configure("mqtt.host", "127.0.0.1").Configure("mqtt.port", port.ToString()).Configure("mqtt.tls", "on");
        controller.Start();
        return controller;
    }

    [TestMethod]
    public async Task ConnectsWithTheStoredCaAndRefusesAnUnknownOne()
    {
        var (caPem, files) = MakeCa("Greenhouse test CA");
        await using ITestBroker broker = await MosquittoBroker.StartTlsAsync(files);
        string folder = Directory.CreateTempSubdirectory("gh-tls-").FullName;
        string otherFolder = Directory.CreateTempSubdirectory("gh-tls-other-").FullName;
        try
        {
            using (HostedController good = Controller(folder, broker.Port, caPem))
            {
                var deadline = DateTime.UtcNow.AddSeconds(15);
                while (!good.Link.IsConnected && DateTime.UtcNow < deadline)
                {
                    await Task.Delay(50);
                }

                Assert.IsTrue(good.Link.IsConnected, "TLS with the right CA: " + good.Link.LastError);
            }

            var (otherCaPem, _) = MakeCa("Someone else's CA");
            using HostedController bad = Controller(otherFolder, broker.Port, otherCaPem);
            var wait = DateTime.UtcNow.AddSeconds(15);
            while (bad.Link.LastError == null && DateTime.UtcNow < wait)
            {
                await Task.Delay(50);
            }

            Assert.IsFalse(bad.Link.IsConnected, "a broker certificate from another CA must be refused");
            Assert.IsNotNull(bad.Link.LastError);
        }
        finally
        {
            Directory.Delete(folder, true);
            Directory.Delete(otherFolder, true);
        }
    }
}
