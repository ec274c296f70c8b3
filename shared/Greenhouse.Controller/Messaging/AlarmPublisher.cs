using Greenhouse.Collections;
using Greenhouse.Diagnostics;
using Greenhouse.Text;

namespace Greenhouse.Messaging
{
    /// <summary>
    /// Alarm events on <c>&lt;base&gt;/alarm</c> (not retained): one per transition the alarm set recorded (raised,
    /// cleared, or a one-off event such as a setting change, marked <c>"event":true</c>), kept while
    /// the link is down (the oldest dropped past <see cref="OutboxCapacity"/>; the next event says how many).
    /// </summary>
    public sealed class AlarmPublisher
    {
        /// <summary>Alarm events kept while the link is down.</summary>
        public const int OutboxCapacity = 16;

        private readonly IAlarmView _alarms;
        private readonly Ring _outbox = new Ring(OutboxCapacity);
        private readonly JsonWriter _json = new JsonWriter(160);
        private long _sequenceSeen;

        public AlarmPublisher(IAlarmView alarms)
        {
            _alarms = alarms;
        }

        /// <summary>Events waiting for the link.</summary>
        public int Pending
        {
            get { return _outbox.Count; }
        }

        /// <summary>Turns each alarm transition recorded since the last call into an event. Call every tick.</summary>
        public void Track()
        {
            AlarmTransition t;
            while ((t = _alarms.TransitionAfter(_sequenceSeen)) != null)
            {
                _sequenceSeen = t.Sequence;
                _json.Clear();
                _json.BeginObject();
                _json.Member("code", t.Code);
                _json.MemberInt("zone", t.Zone);
                _json.MemberBool("active", t.Raised);
                if (t.IsEvent)
                {
                    // A one-off event (a setting changed, a connection trial ended): never an active alarm.
                    _json.MemberBool("event", true);
                }

                _json.Member("detail", t.Detail);
                _json.MemberInt("uptime_s", t.AtMs / 1000);
                _json.EndObject();
                _outbox.Add(_json.ToString());
            }
        }

        /// <summary>Sends waiting events within the budget.</summary>
        public void Publish(string baseTopic, PublishBudget budget)
        {
            string next;
            while ((next = (string)_outbox.Peek()) != null)
            {
                int dropped = _outbox.Dropped;
                string payload = next;
                if (dropped > 0)
                {
                    // Tell the reader that older events were lost while the link was down.
                    payload = next.Substring(0, next.Length - 1) + ",\"dropped_before\":" + Num.Format(dropped) + "}";
                }

                if (!budget.Send(baseTopic + "/alarm", payload, false))
                {
                    return;
                }

                if (dropped > 0)
                {
                    _outbox.TakeDropped();
                }

                _outbox.Take();
            }
        }
    }
}
