namespace Greenhouse.Messaging
{
    /// <summary>
    /// Sends the Home Assistant discovery documents (<see cref="Discovery"/>), one per publish, after each connect
    /// and again after Home Assistant says it restarted (after a short random delay, as Home Assistant advises, so a
    /// fleet does not answer at once).
    /// </summary>
    public sealed class DiscoveryPublisher
    {
        private readonly JsonWriter _json;
        private int _cursor = -1;
        private long _dueMs;

        /// <param name="json">The writer each document is built in (shared with the state document).</param>
        public DiscoveryPublisher(JsonWriter json)
        {
            _json = json;
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
            if (_cursor < 0 || nowMs < _dueMs)
            {
                return true;
            }

            while (_cursor < Discovery.Count)
            {
                if (budget.Left <= 0)
                {
                    return false;
                }

                string topic;
                string payload;
                Discovery.Build(_cursor, _json, baseTopic, deviceId, firmware, zonesInUse, out topic, out payload);
                if (!budget.Send(topic, payload, true))
                {
                    return false;
                }

                _cursor++;
            }

            _cursor = -1;
            return true;
        }
    }
}
