using Greenhouse.Ports;

namespace Greenhouse.Messaging
{
    /// <summary>
    /// Publishes through the link, at most a set number per tick, so the connect-time burst (status, every
    /// setting, discovery, state) is spread over ticks and never holds the control loop.
    /// </summary>
    public sealed class PublishBudget
    {
        private readonly IMqttLink _link;
        private int _left;

        public PublishBudget(IMqttLink link)
        {
            _link = link;
        }

        /// <summary>Publishes left in this tick.</summary>
        public int Left
        {
            get { return _left; }
        }

        /// <summary>Starts a tick with this many publishes.</summary>
        public void Reset(int publishes)
        {
            _left = publishes;
        }

        /// <summary>Hands one message to the link; false when the budget is used up or the link refused it.</summary>
        public bool Send(string topic, string payload, bool retain)
        {
            if (_left <= 0)
            {
                return false;
            }

            _left--;
            return _link.Publish(topic, System.Text.Encoding.UTF8.GetBytes(payload), retain);
        }

        /// <summary>Hands one message already encoded as UTF-8 (<see cref="JsonWriter.ToUtf8"/>) to the link.</summary>
        public bool Send(string topic, byte[] payload, bool retain)
        {
            if (_left <= 0)
            {
                return false;
            }

            _left--;
            return _link.Publish(topic, payload, retain);
        }
    }
}
