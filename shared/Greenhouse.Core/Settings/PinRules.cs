namespace Greenhouse.Settings
{
    /// <summary>
    /// Keeps every pins.* setting off the GPIOs the board itself uses: 6-11 carry the flash, 16 and 17 the PSRAM of the
    /// ESP32-WROVER module the firmware needs (hardware-docs/parts.md), 1 and 3 the USB port used for flashing and
    /// nanoFramework's debugger link. A function moved there would stop the board at its next boot (or the technician
    /// from reaching it), so the value is refused when it is set, with the reason, and never stored.
    /// </summary>
    public sealed class PinRules : ISettingsRule
    {
        private readonly int[] _pins;

        public PinRules(ControllerSettings settings)
        {
            SettingDefinition[] definitions = settings.Definitions;
            int count = 0;
            for (int i = 0; i < definitions.Length; i++)
            {
                if (IsPin(definitions[i]))
                {
                    count++;
                }
            }

            _pins = new int[count];
            count = 0;
            for (int i = 0; i < definitions.Length; i++)
            {
                if (IsPin(definitions[i]))
                {
                    _pins[count++] = i;
                }
            }
        }

        public string Check(ControllerSettings settings, int zone)
        {
            if (zone != 0)
            {
                return null;
            }

            for (int i = 0; i < _pins.Length; i++)
            {
                long gpio = settings.Integer(_pins[i], 0);
                string why = Reserved((int)gpio);
                if (why != null)
                {
                    return settings.Definitions[_pins[i]].Name + ": GPIO " + gpio.ToString() + " " + why + "; choose a free GPIO (hardware-docs/wiring.md)";
                }
            }

            return null;
        }

        /// <summary>Why the board keeps this GPIO for itself, or null when a function may use it.</summary>
        public static string Reserved(int gpio)
        {
            if (gpio >= 6 && gpio <= 11)
            {
                return "carries the flash memory (GPIO 6-11)";
            }

            if (gpio == 16 || gpio == 17)
            {
                return "carries the PSRAM of the ESP32-WROVER module (GPIO 16 and 17)";
            }

            if (gpio == 1 || gpio == 3)
            {
                return "is the USB port's UART (GPIO 1 and 3), used for flashing";
            }

            return null;
        }

        private static bool IsPin(SettingDefinition definition)
        {
            return definition.Name.StartsWith("pins.");
        }
    }
}
