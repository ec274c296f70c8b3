using Greenhouse.App;
using Greenhouse.TestSupport;

namespace Greenhouse.Tests
{
    /// <summary>A controller with one sensor, a pump, two valves, a fan, a tank switch and a store, driven by console lines.</summary>
    public sealed class ConsoleRig : FakeBoard
    {
        public ConsoleRig() : this(new FakeSettingsStore(), 0)
        {
        }

        /// <summary>A rig over an existing store (a reboot), with uptime starting at the given ms.</summary>
        public ConsoleRig(FakeSettingsStore store, long uptimeMs) : base(2)
        {
            Store = store;
            Clock.Uptime = uptimeMs;
            Build("test-1.0");
            Sensor.Humidity = 92;
        }

        /// <summary>Types a line, runs one tick (1 s later) and returns every line written during it, joined by '\n'.</summary>
        public string Type(string line)
        {
            int mark = Log.Count;
            Controller.Inbox.PostConsoleLine(line);
            Clock.Advance(1000);
            Controller.Tick();
            return Since(mark);
        }

        /// <summary>Types a line and returns only the console's answer: the log lines written in that tick are left out.</summary>
        public string Ask(string line)
        {
            string all = Type(line);
            string answer = "";
            int start = 0;
            while (start < all.Length)
            {
                int end = all.IndexOf('\n', start);
                string one = all.Substring(start, end - start);
                if (!IsLogLine(one))
                {
                    answer = answer + one + "\n";
                }

                start = end + 1;
            }

            return answer;
        }

        /// <summary>True for "+12.3s LEVEL ..." and "2026-11-28T14:00:00 LEVEL ..." lines.</summary>
        public static bool IsLogLine(string line)
        {
            if (line.Length > 2 && line[0] == '+' && line[1] >= '0' && line[1] <= '9')
            {
                return true;
            }

            return line.Length > 19 && line[4] == '-' && line[7] == '-' && line[10] == 'T' && line[13] == ':' && line[19] == ' ';
        }

        /// <summary>Runs ticks without input and returns what was written.</summary>
        public string Ticks(int count)
        {
            int mark = Log.Count;
            for (int i = 0; i < count; i++)
            {
                Clock.Advance(1000);
                Controller.Tick();
            }

            return Since(mark);
        }

        public string Since(int mark)
        {
            return Log.Since(mark);
        }

        /// <summary>Every line written so far (up to the fake log's 256-line memory).</summary>
        public string All()
        {
            return Log.All();
        }

        public static bool Has(string text, string fragment)
        {
            return text.IndexOf(fragment) >= 0;
        }
    }
}
