using Greenhouse.Settings;
using Greenhouse.Text;

namespace Greenhouse.Diagnostics
{
    /// <summary>
    /// Masks the current values of secret settings (Wi-Fi and MQTT passwords) in any text before it leaves the
    /// device through a log line or a console answer. A defence in depth: code must not pass secrets to the log in
    /// the first place. Values shorter than <see cref="MinimumLength"/> are not searched for (they would mask
    /// ordinary digits and words).
    /// </summary>
    public sealed class SecretFilter
    {
        /// <summary>Shortest secret value that is searched for.</summary>
        public const int MinimumLength = 3;

        /// <summary>What replaces a secret.</summary>
        public const string Mask = "********";

        private readonly ControllerSettings _settings;
        private readonly int[] _secretDefinitions;
        private readonly string[] _secretNames;

        public SecretFilter(ControllerSettings settings)
        {
            _settings = settings;
            SettingDefinition[] definitions = settings.Definitions;
            int count = 0;
            for (int i = 0; i < definitions.Length; i++)
            {
                if (definitions[i].Kind == SettingKind.Secret)
                {
                    count++;
                }
            }

            _secretDefinitions = new int[count];
            _secretNames = StringArray.New(count);
            int at = 0;
            for (int i = 0; i < definitions.Length; i++)
            {
                if (definitions[i].Kind == SettingKind.Secret)
                {
                    _secretDefinitions[at] = i;
                    _secretNames[at] = definitions[i].Name;
                    at++;
                }
            }
        }

        /// <summary>Names of the secret settings (for masking command lines while they are typed).</summary>
        public string[] SecretNames
        {
            get { return _secretNames; }
        }

        /// <summary>The text with every occurrence of a current secret value replaced by <see cref="Mask"/>.</summary>
        public string Apply(string text)
        {
            if (text == null)
            {
                return null;
            }

            for (int s = 0; s < _secretDefinitions.Length; s++)
            {
                string secret = _settings.Text(_secretDefinitions[s], 0);
                if (secret == null || secret.Length < MinimumLength)
                {
                    continue;
                }

                text = ReplaceAll(text, secret, Mask);
            }

            return text;
        }

        /// <summary>string.Replace, which nanoFramework lacks. Returns the same instance when nothing matches.</summary>
        public static string ReplaceAll(string text, string find, string with)
        {
            int at = text.IndexOf(find);
            if (at < 0)
            {
                return text;
            }

            string result = "";
            int from = 0;
            while (at >= 0)
            {
                result = result + text.Substring(from, at - from) + with;
                from = at + find.Length;
                at = from < text.Length ? text.IndexOf(find, from) : -1;
            }

            return result + text.Substring(from);
        }
    }
}
