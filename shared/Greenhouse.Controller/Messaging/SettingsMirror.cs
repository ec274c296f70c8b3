using Greenhouse.Settings;
using Greenhouse.Status;
using Greenhouse.Text;

namespace Greenhouse.Messaging
{
    /// <summary>
    /// The retained copy of every applied setting on the broker (<c>zone/&lt;n&gt;/&lt;name&gt;</c>,
    /// <c>config/&lt;name&gt;</c>, and the Home Assistant <c>power</c> topic beside each zone's mode), so a phone
    /// or Home Assistant sees current values when it subscribes. Republishes only what changed since the last pass
    /// (everything after a connect); secrets are never published.
    /// </summary>
    public sealed class SettingsMirror
    {
        private readonly ISettingsView _settings;
        private readonly IControllerStatus _status;
        private readonly int _modeDef;
        private readonly string[] _published;
        private readonly string[] _publishedPower = StringArray.New(ControllerSettings.MaxZones + 1);
        private int _syncedVersion = int.MinValue;
        private int _scanVersion;
        private int _scanCursor = -1;

        public SettingsMirror(IControllerStatus status)
        {
            _status = status;
            _settings = status.Settings;
            _modeDef = _settings.Require(CoreSettings.Mode);
            _published = StringArray.New(_settings.Definitions.Length * (ControllerSettings.MaxZones + 1));
        }

        /// <summary>Everything is published again (after a connect or a Home Assistant restart).</summary>
        public void ForceResync()
        {
            for (int i = 0; i < _published.Length; i++)
            {
                _published[i] = null;
            }

            for (int i = 0; i < _publishedPower.Length; i++)
            {
                _publishedPower[i] = null;
            }

            _syncedVersion = int.MinValue;
            _scanCursor = -1;
        }

        /// <summary>Publishes changed values within the budget; false when the budget ran out (continued next tick).</summary>
        public bool Publish(string baseTopic, PublishBudget budget)
        {
            if (_scanCursor < 0)
            {
                if (_settings.Version == _syncedVersion)
                {
                    return true;
                }

                _scanVersion = _settings.Version;
                _scanCursor = 0;
            }

            SettingDefinition[] defs = _settings.Definitions;
            int slots = defs.Length * (ControllerSettings.MaxZones + 1);
            int zones = _status.ZoneCount;
            while (_scanCursor < slots)
            {
                int definition = _scanCursor / (ControllerSettings.MaxZones + 1);
                int zone = _scanCursor % (ControllerSettings.MaxZones + 1);
                SettingDefinition def = defs[definition];
                bool used = def.PerZone ? zone >= 1 && zone <= zones : zone == 0;
                if (used && def.Kind != SettingKind.Secret)
                {
                    string text = _settings.DisplayText(definition, zone);
                    if (text != _published[_scanCursor])
                    {
                        string topic = def.PerZone
                            ? baseTopic + "/zone/" + zone.ToString() + "/" + def.Name
                            : baseTopic + "/config/" + def.Name;
                        if (!budget.Send(topic, text, true))
                        {
                            return false;
                        }

                        _published[_scanCursor] = text;
                    }

                    if (definition == _modeDef)
                    {
                        string power = _settings.ChoiceIndex(_modeDef, zone) == CoreSettings.ModeOff ? "OFF" : "ON";
                        if (power != _publishedPower[zone])
                        {
                            if (!budget.Send(baseTopic + "/zone/" + zone.ToString() + "/power", power, true))
                            {
                                return false;
                            }

                            _publishedPower[zone] = power;
                        }
                    }
                }

                _scanCursor++;
            }

            _syncedVersion = _scanVersion;
            _scanCursor = -1;
            return true;
        }
    }
}
