using Greenhouse.Ports;
using Greenhouse.Text;

namespace Greenhouse.Persistence
{
    /// <summary>
    /// Keeps the control engine's counters (stage and phase days, water used, relay switching counts) in the same
    /// checksummed key=value format as the settings, in two alternating copies: a power cut during a save leaves
    /// the previous copy readable, and the newest valid generation wins on load.
    /// </summary>
    public sealed class ControlStateFile : Greenhouse.Persistence.IControlStatePersistence
    {
        public const string SlotA = "state-a.txt";
        public const string SlotB = "state-b.txt";

        private readonly ISettingsStore _store;
        private long _generation;
        private bool _nextIsA = true;

        public ControlStateFile(ISettingsStore store)
        {
            _store = store;
        }

        /// <summary>Successful saves since start.</summary>
        public int Saves { get; private set; }

        public bool TryLoad(out string[] keys, out string[] values)
        {
            keys = null;
            values = null;
            SettingsDocument a;
            SettingsDocument b;
            bool exists;
            string error;
            bool okA = SettingsFile.TryReadCopy(_store, SlotA, out a, out exists, out error);
            bool okB = SettingsFile.TryReadCopy(_store, SlotB, out b, out exists, out error);
            SettingsDocument chosen = SettingsFile.Newest(okA, a, okB, b);
            if (chosen == null)
            {
                return false;
            }

            // The next save overwrites the older copy.
            _nextIsA = chosen != a;

            _generation = chosen.Generation;
            keys = StringArray.New(chosen.Count);
            values = StringArray.New(chosen.Count);
            for (int i = 0; i < chosen.Count; i++)
            {
                keys[i] = chosen.Keys[i];
                values[i] = chosen.Values[i];
            }

            return true;
        }

        public bool Save(string[] keys, string[] values)
        {
            if (_store == null)
            {
                return false;
            }

            long generation = _generation + 1;
            System.Text.StringBuilder text = new System.Text.StringBuilder(2048);
            text.Append("# Greenhouse controller state (counters); written by the controller, not for editing.\n");
            text.Append(SettingsFile.VersionKey).Append('=').Append(SettingsFile.CurrentVersion).Append('\n');
            text.Append(SettingsFile.GenerationKey).Append('=').Append(Num.Format(generation)).Append('\n');
            for (int i = 0; i < keys.Length; i++)
            {
                text.Append(keys[i]).Append('=').Append(values[i]).Append('\n');
            }

            // Encode once, checksum the bytes, and verify the write by comparing bytes rather than re-parsing:
            // this runs inside a control tick on a ~100 KB heap.
            byte[] body = System.Text.Encoding.UTF8.GetBytes(text.ToString());
            string line = SettingsFile.ChecksumKey + "=" + SettingsFile.Hex8(SettingsFile.Fnv1a(body, 0, body.Length)) + "\n";
            byte[] bytes = new byte[body.Length + line.Length];
            System.Array.Copy(body, bytes, body.Length);
            for (int i = 0; i < line.Length; i++)
            {
                bytes[body.Length + i] = (byte)line[i];
            }

            string slot = _nextIsA ? SlotA : SlotB;
            byte[] back;
            if (!_store.Write(slot, bytes) || !_store.TryRead(slot, out back) || !SettingsFile.SameBytes(bytes, back))
            {
                return false;
            }

            _generation = generation;
            _nextIsA = !_nextIsA;
            Saves++;
            return true;
        }
    }
}
