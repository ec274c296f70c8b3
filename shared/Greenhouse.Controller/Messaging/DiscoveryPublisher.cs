using Greenhouse.Settings;

namespace Greenhouse.Messaging
{
    /// <summary>
    /// Sends the Home Assistant discovery documents (<see cref="Discovery"/>), one per publish, after each connect,
    /// again after Home Assistant says it restarted (after a short random delay, as Home Assistant advises, so a
    /// fleet does not answer at once), and at once when <c>ui.language</c> changes, so Home Assistant renames the
    /// entities it has (the unique ids stay the same).
    /// </summary>
    public sealed class DiscoveryPublisher
    {
        private readonly JsonWriter _json;
        private readonly ISettingsView _settings;
        private readonly int _languageDef;
        private int _cursor = -1;
        private long _dueMs;

        // ui.language of the documents being sent, and of the last complete set (-1: none yet). One set is never
        // mixed: a change during a burst is caught when it ends, and the set goes out again in the new language.
        private int _burstLanguage = -1;
        private int _sentLanguage = -1;

        /// <param name="json">The writer each document is built in (shared with the state document).</param>
        /// <param name="settings">Read for <c>ui.language</c>, the language of the names shown.</param>
        public DiscoveryPublisher(JsonWriter json, ISettingsView settings)
        {
            _json = json;
            _settings = settings;
            _languageDef = settings.Require(CoreSettings.UiLanguage);
        }

        /// <summary>Sends every document from <paramref name="dueMs"/> on.</summary>
        public void StartAt(long dueMs)
        {
            _cursor = 0;
            _dueMs = dueMs;
        }

        /// <summary>Continues the documents within the budget; false when the budget ran out.</summary>
        public bool Publish(long nowMs, string baseTopic, string deviceId, string firmware, int zonesInUse, PublishBudget budget)
        {
            int language = _settings.ChoiceIndex(_languageDef, 0);
            if (_cursor < 0 && _sentLanguage >= 0 && language != _sentLanguage)
            {
                StartAt(nowMs);
            }

            if (_cursor < 0 || nowMs < _dueMs)
            {
                return true;
            }

            if (_cursor == 0)
            {
                _burstLanguage = language;
            }

            while (_cursor < Discovery.Count)
            {
                if (budget.Left <= 0)
                {
                    return false;
                }

                string topic = Discovery.Write(_cursor, _json, baseTopic, deviceId, firmware, zonesInUse, _burstLanguage);
                if (!budget.Send(topic, _json.ToUtf8(), true))
                {
                    return false;
                }

                _cursor++;
            }

            _cursor = -1;
            _sentLanguage = _burstLanguage;
            return true;
        }
    }
}
