using Greenhouse.Ports;

namespace Greenhouse.Settings
{
    /// <summary>
    /// Refuses to switch mqtt.tls on while no CA certificate is stored (blob "ca.pem"): nanoFramework's TLS stream
    /// requires a verified server certificate, so without a CA every handshake fails and the log shows only a failed
    /// connect. Refusing at configuration time tells the technician what is missing while they are at the board.
    /// <para>Only the switch from off to on is checked, so unrelated changes are never refused, and only once
    /// <see cref="Armed"/>: values loaded from the settings file at start are accepted as stored (a missing certificate
    /// then stops the TLS connection in the adapter instead of downgrading it to plain text).</para>
    /// <para>Added after every other rule, so when it accepts, the change is committed.</para>
    /// </summary>
    public sealed class TlsTrustRule : ISettingsRule
    {
        /// <summary>The blob the MQTT interface reads the CA certificate from (PEM text).</summary>
        public const string CaBlob = "ca.pem";

        private readonly ISettingsStore _store;
        private int _tls = -1;
        private bool _accepted;

        /// <param name="store">Where the CA certificate is stored, or null when none can be.</param>
        public TlsTrustRule(ISettingsStore store)
        {
            _store = store;
        }

        /// <summary>Set once the stored settings are loaded; from then on mqtt.tls needs a stored CA to go on.</summary>
        public bool Armed { get; set; }

        public string Check(ControllerSettings settings, int zone)
        {
            if (_tls < 0)
            {
                _tls = settings.Require("mqtt.tls");
            }

            bool on = settings.Flag(_tls, 0);
            if (on && !_accepted && Armed && !CaStored())
            {
                return "mqtt.tls needs the broker's CA certificate on the device: store it as " + CaBlob
                    + " first (hardware-docs/flashing.md, section: The broker's CA certificate), then set mqtt.tls on";
            }

            _accepted = on;
            return null;
        }

        private bool CaStored()
        {
            byte[] pem;
            return _store != null && _store.TryRead(CaBlob, out pem) && pem != null && pem.Length > 0;
        }
    }
}
