using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Greenhouse.App;
using Greenhouse.Control;
using Greenhouse.Diagnostics;
using Greenhouse.Persistence;
using Greenhouse.Settings;
using Greenhouse.TestSupport;

namespace Greenhouse.Fuzz
{
    /// <summary>
    /// Settings-file target: two stored copies (<c>settings-a.txt</c>, <c>settings-b.txt</c>), each absent, as written by
    /// the firmware, corrupted without fixing the checksum (bit flips, torn writes, erased flash, inserted or lost bytes,
    /// swapped lines) or edited with the checksum recomputed (junk values, unknown keys, bad version/generation lines,
    /// CRLF, BOM, NUL, invalid UTF-8, duplicates). Then a new controller starts on that store.
    /// Oracles: Start and the first tick never throw; every loaded value is valid, rules and hard limits hold; the newest
    /// valid copy wins (an untouched copy loads exactly, an edited one contributes only its own values, never a mix
    /// with the other copy); no valid copy gives the defaults; settings_corrupt is raised exactly when a stored copy
    /// was unreadable.
    /// </summary>
    public sealed class SettingsTarget : ITarget
    {
        public const string Name = "settings";
        private readonly Random _random;
        private readonly ValueGenerator _values;
        private readonly SettingsCheck _check = new SettingsCheck();
        private readonly FailureLog _failures;
        private long _caseIndex;
        private long _next;

        public SettingsTarget(int seed, FailureLog failures)
        {
            _random = new Random(seed);
            _values = new ValueGenerator(_random);
            _failures = failures;
        }

        public string TargetName
        {
            get { return Name; }
        }

        public long Run(long cases)
        {
            for (long i = 0; i < cases; i++)
            {
                FuzzCase fuzzCase = new FuzzCase { Target = Name };
                fuzzCase.Steps.Add(MakeSlot("a"));
                fuzzCase.Steps.Add(MakeSlot("b"));
                RunCase(fuzzCase, _next++);
            }

            return cases;
        }

        private Step MakeSlot(string name)
        {
            int pick = _random.Next(100);
            if (pick < 12)
            {
                return new Step { Kind = StepKind.Slot, SlotName = name, SlotKind = SlotKind.Absent };
            }

            byte[] original = Encoding.UTF8.GetBytes(Original());
            if (pick < 45)
            {
                return new Step { Kind = StepKind.Slot, SlotName = name, SlotKind = SlotKind.Original, Payload = original };
            }

            if (pick < 75)
            {
                return new Step { Kind = StepKind.Slot, SlotName = name, SlotKind = SlotKind.Corrupt, Payload = Corrupt(original) };
            }

            return new Step { Kind = StepKind.Slot, SlotName = name, SlotKind = SlotKind.Edited, Payload = Edit(original) };
        }

        /// <summary>A file as the firmware writes it: random valid values through the real rules, random generation.</summary>
        private string Original()
        {
            // The controller's own settings: every rule of the catalogue.
            ControllerSettings settings = SettingsCatalog.CreateSettings();
            int changes = _random.Next(4) == 0 ? 0 : _random.Next(1, 25);
            for (int i = 0; i < changes; i++)
            {
                SettingDefinition def = _values.PickDefinition();
                string key = def.PerZone ? "zone" + (1 + _random.Next(ControllerSettings.MaxZones)).ToString(CultureInfo.InvariantCulture) + "." + def.Name : def.Name;
                string error;
                settings.TrySet(key, _values.Valid(def), out error);
            }

            long[] generations = { 1, 2, 3, 7, 1000, 2147483648L, 0 };
            long generation = _random.Next(3) == 0 ? generations[_random.Next(generations.Length)] : 1 + _random.Next(50);
            return SettingsFile.Format(settings, generation);
        }

        private byte[] Corrupt(byte[] original)
        {
            List<byte> bytes = new List<byte>(original);
            int kind = _random.Next(10);
            int at = _random.Next(bytes.Count);
            switch (kind)
            {
                case 0:
                    bytes[at] ^= (byte)(1 << _random.Next(8));
                    break;
                case 1:
                    bytes[at] = (byte)_random.Next(256);
                    break;
                case 2:
                    bytes.Insert(at, (byte)_random.Next(256));
                    break;
                case 3:
                    bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + _random.Next(8)));
                    break;
                case 4:
                    // Power cut while writing: only a prefix reached the flash.
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 5:
                {
                    // Erased flash pages read as 0xFF (or 0x00) from some point on.
                    byte fill = _random.Next(2) == 0 ? (byte)0xff : (byte)0x00;
                    for (int i = at; i < bytes.Count; i++)
                    {
                        bytes[i] = fill;
                    }

                    if (_random.Next(2) == 0)
                    {
                        for (int i = 0; i < 64; i++)
                        {
                            bytes.Add(fill);
                        }
                    }

                    break;
                }

                case 6:
                {
                    byte[] junk = new byte[1 + _random.Next(40)];
                    _random.NextBytes(junk);
                    bytes.AddRange(junk);
                    break;
                }

                case 7:
                {
                    string text = Encoding.UTF8.GetString(original);
                    string[] lines = text.Split('\n');
                    int a = _random.Next(lines.Length - 1);
                    int b = _random.Next(lines.Length - 1);
                    string swap = lines[a];
                    lines[a] = lines[b];
                    lines[b] = lines[a] == swap ? swap + " " : swap;
                    bytes = new List<byte>(Encoding.UTF8.GetBytes(string.Join("\n", lines)));
                    break;
                }

                case 8:
                {
                    string text = Encoding.UTF8.GetString(original).Replace("\n", "\r\n");
                    bytes = new List<byte>(Encoding.UTF8.GetBytes(text));
                    break;
                }

                default:
                    // The checksum digits themselves.
                    int digit = original.Length - 2 - _random.Next(8);
                    bytes[digit] = bytes[digit] == (byte)'0' ? (byte)'1' : (byte)'0';
                    break;
            }

            byte[] result = bytes.ToArray();
            if (result.AsSpan().SequenceEqual(original))
            {
                result[0] ^= 0x01;
            }

            return result;
        }

        private static readonly string[] EditLines =
        {
            "version=2", "version=0", "version=abc", "version=1001", "version=", "generation=-1", "generation=x", "generation=99999999999999999999",
            "generation=5", "unknown.key=1", "zone9.target_rh=90", "zone0.target_rh=90", "zone1.unknown=3", "target_rh=90", "zone1.zones=2", "=5",
            "no equals sign", "  # indented comment", "#zones=4", "zones", "zones=", "zones= 3", " zones =3", "ZONES=3", "zones=3\r", "zones=3=4",
            "zone1.target_rh=99", "zone1.target_rh=59.9", "zone1.target_rh=NaN", "zone1.mode=Auto", "zone1.mode=", "mqtt.host=\u0000",
            "mqtt.prefix=a+b", "device.id=x#y", "mqtt.port=0", "mqtt.port=65536", "zone1.pulse_min_s=300", "zone1.pulse_max_s=2",
            "lockout.low_c=15", "lockout.high_c=15", "zone1.max_mist_s=901", "zone1.stage=harvest", "checksum=00000000",
            "mqtt.password=pw-Zq7inlinesecret", "wifi.ssid=" + new string('s', 33), "device.id=\u00e9", "\ufeffzones=2",
        };

        /// <summary>Changes the body lines and recomputes the checksum independently (FNV-1a 32 over every byte before it).</summary>
        private byte[] Edit(byte[] original)
        {
            string text = Encoding.UTF8.GetString(original);
            int checksumAt = text.LastIndexOf("checksum=", StringComparison.Ordinal);
            List<string> lines = new List<string>(text.Substring(0, checksumAt).TrimEnd('\n').Split('\n'));
            int edits = 1 + _random.Next(4);
            for (int e = 0; e < edits; e++)
            {
                int kind = _random.Next(6);
                int at = _random.Next(lines.Count + 1);
                if (kind <= 1)
                {
                    lines.Insert(at, EditLines[_random.Next(EditLines.Length)]);
                }
                else if (kind == 2 && lines.Count > 0)
                {
                    lines.RemoveAt(Math.Min(at, lines.Count - 1));
                }
                else if (kind == 3)
                {
                    SettingDefinition def = _values.PickDefinition();
                    string key = def.PerZone ? "zone" + (1 + _random.Next(ControllerSettings.MaxZones)).ToString(CultureInfo.InvariantCulture) + "." + def.Name : def.Name;
                    string value = _random.Next(2) == 0 ? _values.Invalid(def) : _values.Valid(def);
                    lines.Insert(at, key + "=" + value);
                }
                else if (kind == 4 && lines.Count > 0)
                {
                    int line = Math.Min(at, lines.Count - 1);
                    lines[line] = lines[line] + "\r";
                }
                else
                {
                    lines.Insert(at, new string('x', 200 + _random.Next(4000)) + "=" + new string('y', _random.Next(3000)));
                }
            }

            List<byte> body = new List<byte>(Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n"));
            if (_random.Next(10) == 0)
            {
                body.InsertRange(0, new byte[] { 0xef, 0xbb, 0xbf });
            }

            if (_random.Next(10) == 0)
            {
                body.InsertRange(_random.Next(body.Count), new byte[] { 0xc3, 0x28 });
            }

            byte[] bodyBytes = body.ToArray();
            string checksum = "checksum=" + Fnv1a(bodyBytes).ToString("x8", CultureInfo.InvariantCulture) + "\n";
            byte[] result = new byte[bodyBytes.Length + checksum.Length];
            Buffer.BlockCopy(bodyBytes, 0, result, 0, bodyBytes.Length);
            Encoding.ASCII.GetBytes(checksum, 0, checksum.Length, result, bodyBytes.Length);
            return result;
        }

        /// <summary>FNV-1a 32-bit, written here again so the oracle does not trust the code under test.</summary>
        public static uint Fnv1a(byte[] bytes)
        {
            uint hash = 2166136261u;
            foreach (byte b in bytes)
            {
                hash = unchecked((hash ^ b) * 16777619u);
            }

            return hash;
        }

        /// <summary>Stores the slots, starts a new controller on them and checks the oracles (also used by the corpus replay).</summary>
        public void RunCase(FuzzCase fuzzCase, long caseIndex)
        {
            _caseIndex = caseIndex;
            FakeSettingsStore store = new FakeSettingsStore();
            Step slotA = null;
            Step slotB = null;
            foreach (Step step in fuzzCase.Steps)
            {
                if (step.Kind != StepKind.Slot)
                {
                    continue;
                }

                if (step.SlotName == "a")
                {
                    slotA = step;
                }
                else
                {
                    slotB = step;
                }

                if (step.SlotKind != SlotKind.Absent)
                {
                    store.Put(step.SlotName == "a" ? SettingsPersistence.SlotA : SettingsPersistence.SlotB, step.Payload);
                }
            }

            FuzzRig rig;
            try
            {
                rig = new FuzzRig(store);
                rig.Controller.Start();
                rig.Controller.Tick();
            }
            catch (Exception e)
            {
                Fail(fuzzCase, "exception", e.GetType().Name + ": " + e.Message);
                return;
            }

            Controller controller = rig.Controller;
            string invalid = _check.Check(controller.Status.Settings);
            if (invalid != null)
            {
                Fail(fuzzCase, "invalid-setting", invalid);
            }

            Candidate a = Judge(slotA);
            Candidate b = Judge(slotB);
            bool corrupt = a.Exists && !a.Valid || b.Exists && !b.Valid;
            Candidate winner = null;
            if (a.Valid && (!b.Valid || a.Generation >= b.Generation))
            {
                winner = a;
            }
            else if (b.Valid)
            {
                winner = b;
            }

            string loaded = SettingsFile.Values(controller.Status.Settings);
            if (winner == null)
            {
                if (loaded.Length != 0)
                {
                    Fail(fuzzCase, "load-defaults", "no valid copy, yet non-default values loaded:\n" + loaded);
                }
            }
            else if (winner.Kind == SlotKind.Original)
            {
                if (loaded != winner.Values)
                {
                    Fail(fuzzCase, "load-exact", "newest valid copy " + winner.Name + " not loaded exactly:\n--- expected\n" + winner.Values + "--- loaded\n" + loaded);
                }
            }
            else
            {
                string stray = FromElsewhere(controller.Status.Settings, winner.Document);
                if (stray != null)
                {
                    Fail(fuzzCase, "load-mix", "value not from copy " + winner.Name + ": " + stray);
                }
            }

            if (controller.Status.Alarms.IsActive(AlarmCodes.SettingsCorrupt, 0) != corrupt)
            {
                Fail(fuzzCase, "corrupt-alarm", "settings_corrupt " + (corrupt ? "not raised" : "raised") + " (a=" + a.Describe() + ", b=" + b.Describe() + ")");
            }
        }

        private sealed class Candidate
        {
            public string Name;
            public SlotKind Kind;
            public bool Exists;
            public bool Valid;
            public long Generation;
            public string Values;
            public SettingsDocument Document;

            public string Describe()
            {
                return Kind.ToString().ToLowerInvariant() + (Exists ? Valid ? " valid gen " + Generation.ToString(CultureInfo.InvariantCulture) : " invalid" : "");
            }
        }

        private Candidate Judge(Step slot)
        {
            Candidate candidate = new Candidate { Name = slot == null ? "?" : slot.SlotName, Kind = slot == null ? SlotKind.Absent : slot.SlotKind };
            if (slot == null || slot.SlotKind == SlotKind.Absent)
            {
                return candidate;
            }

            candidate.Exists = true;
            if (slot.SlotKind == SlotKind.Corrupt)
            {
                return candidate;
            }

            SettingsDocument document;
            string error;
            if (slot.SlotKind == SlotKind.Original)
            {
                // Untouched: valid by construction; its values are what a controller holding them would write.
                SettingsFile.TryParse(slot.Payload, true, out document, out error);
                candidate.Valid = true;
                candidate.Generation = GenerationOf(slot.Payload);
                ControllerSettings settings = SettingsCatalog.CreateSettings();
                string text = Encoding.UTF8.GetString(slot.Payload);
                // Apply the written lines until nothing changes: the saved state itself (which satisfied the rules).
                for (int pass = 0; pass < 5; pass++)
                {
                    int version = settings.Version;
                    foreach (string line in text.Split('\n'))
                    {
                        int equals = line.IndexOf('=');
                        if (equals > 0 && line[0] != '#' && !line.StartsWith("version=", StringComparison.Ordinal) && !line.StartsWith("generation=", StringComparison.Ordinal)
                            && !line.StartsWith("checksum=", StringComparison.Ordinal))
                        {
                            settings.TrySet(line.Substring(0, equals), line.Substring(equals + 1), out error);
                        }
                    }

                    if (settings.Version == version)
                    {
                        break;
                    }
                }

                candidate.Values = SettingsFile.Values(settings);
                return candidate;
            }

            // Edited with a fixed checksum: whether it is acceptable depends on its header lines; the parser decides.
            candidate.Valid = SettingsFile.TryParse(slot.Payload, true, out document, out error);
            candidate.Document = document;
            candidate.Generation = document == null ? 0 : document.Generation;
            return candidate;
        }

        private static long GenerationOf(byte[] payload)
        {
            string text = Encoding.UTF8.GetString(payload);
            int at = text.IndexOf("\ngeneration=", StringComparison.Ordinal);
            int end = text.IndexOf('\n', at + 1);
            return long.Parse(text.Substring(at + 12, end - at - 12), CultureInfo.InvariantCulture);
        }

        /// <summary>Null when every non-default value equals (canonically) one the document assigns to that key.</summary>
        private string FromElsewhere(ISettingsView live, SettingsDocument document)
        {
            SettingDefinition[] defs = live.Definitions;
            ControllerSettings reference = new ControllerSettings(SettingsCatalog.All());
            for (int d = 0; d < defs.Length; d++)
            {
                int first = defs[d].PerZone ? 1 : 0;
                int last = defs[d].PerZone ? ControllerSettings.MaxZones : 0;
                for (int zone = first; zone <= last; zone++)
                {
                    string value = live.CanonicalText(d, zone);
                    if (value == defs[d].DefaultText)
                    {
                        continue;
                    }

                    string key = SettingsCheck.Key(defs[d], zone);
                    bool found = false;
                    for (int i = 0; i < document.Count && !found; i++)
                    {
                        string error;
                        if (document.Keys[i] == key && reference.TrySet(d, zone, document.Values[i], out error) && reference.CanonicalText(d, zone) == value)
                        {
                            found = true;
                        }
                    }

                    if (!found)
                    {
                        return key + "=" + Escape.Text(value);
                    }
                }
            }

            return null;
        }

        private void Fail(FuzzCase fuzzCase, string oracle, string detail)
        {
            FuzzCase copy = FuzzCase.Parse(fuzzCase.ToString());
            copy.Comments.Add(oracle + ": " + detail.Replace('\n', ' '));
            _failures.Add(new Failure { Target = Name, Oracle = oracle, Detail = detail, CaseIndex = _caseIndex, Case = copy });
        }
    }
}
