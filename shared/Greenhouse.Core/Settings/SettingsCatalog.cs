namespace Greenhouse.Settings
{
    /// <summary>
    /// Every setting the controller knows, gathered from the modules that own them, with their cross-setting rules:
    /// the one place that lists them all. Add a module's definitions (and rules) here; keys must be unique (a test
    /// checks it).
    /// </summary>
    public static class SettingsCatalog
    {
        /// <summary>Every setting at its default, with the cross-setting rules of every module (what a controller starts from).</summary>
        public static ControllerSettings CreateSettings()
        {
            ControllerSettings settings = new ControllerSettings(All());
            Greenhouse.Control.ControlSettings.AddRules(settings);
            settings.AddRule(new PinRules(settings));
            settings.AddRule(new TopicSettingsRule(settings));
            return settings;
        }

        /// <summary>
        /// As <see cref="CreateSettings()"/>, plus the rule that needs the device's store: mqtt.tls goes on only with a
        /// stored CA certificate. Added last, so when it accepts, the change is committed.
        /// </summary>
        public static ControllerSettings CreateSettings(TlsTrustRule tlsTrust)
        {
            ControllerSettings settings = CreateSettings();
            settings.AddRule(tlsTrust);
            return settings;
        }

        public static SettingDefinition[] All()
        {
            return Concat(new object[]
            {
                CoreSettings.Definitions(),
                Greenhouse.Sensing.SensingSettings.Definitions(),
                Greenhouse.Control.ControlSettings.Definitions(),
            });
        }

        private static SettingDefinition[] Concat(object[] parts)
        {
            int count = 0;
            for (int i = 0; i < parts.Length; i++)
            {
                count += ((SettingDefinition[])parts[i]).Length;
            }

            SettingDefinition[] all = new SettingDefinition[count];
            int at = 0;
            for (int i = 0; i < parts.Length; i++)
            {
                SettingDefinition[] part = (SettingDefinition[])parts[i];
                for (int j = 0; j < part.Length; j++)
                {
                    all[at++] = part[j];
                }
            }

            return all;
        }
    }
}
