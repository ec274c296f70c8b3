namespace Greenhouse.Settings
{
    /// <summary>
    /// Every setting the controller knows, gathered from the modules that own them. Add a module's
    /// definitions here; keys must be unique (a test checks it).
    /// </summary>
    public static class SettingsCatalog
    {
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
