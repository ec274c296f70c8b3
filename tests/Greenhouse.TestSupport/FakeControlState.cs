using Greenhouse.Control;
using Greenhouse.Persistence;
using Greenhouse.Text;

namespace Greenhouse.TestSupport
{
    /// <summary>The control engine's saved counters kept in memory, as the settings-file adapter keeps them on flash.</summary>
    public sealed class FakeControlState : IControlStatePersistence
    {
        public string[] Keys;
        public string[] Values;
        public int Saves;

        public bool TryLoad(out string[] keys, out string[] values)
        {
            keys = Keys;
            values = Values;
            return Keys != null;
        }

        public bool Save(string[] keys, string[] values)
        {
            Keys = StringArray.New(keys.Length);
            Values = StringArray.New(values.Length);
            for (int i = 0; i < keys.Length; i++)
            {
                Keys[i] = keys[i];
                Values[i] = values[i];
            }

            Saves++;
            return true;
        }

        /// <summary>The saved value of a key, or null.</summary>
        public string Get(string key)
        {
            if (Keys == null)
            {
                return null;
            }

            for (int i = 0; i < Keys.Length; i++)
            {
                if (Keys[i] == key)
                {
                    return Values[i];
                }
            }

            return null;
        }
    }
}
