using System;
using CsCheck;
using Greenhouse.Diagnostics;
using Greenhouse.Technician;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Greenhouse.TestSupport;

namespace Greenhouse.Tests
{
    /// <summary>Host-only checks of the console: allocation in the per-tick path and property tests of the line editor.</summary>
    [TestClass]
    public class ConsoleHostTests
    {
        [TestMethod]
        public void TechnicianPollAllocatesNothingWhenNothingHappens()
        {
            ConsoleRig rig = new ConsoleRig();
            rig.Type("status");
            rig.Ticks(80); // boot event, first journal write, repeat windows closed
            TechnicianConsole technician = rig.Controller.Technician;
            long now = rig.Controller.Status.NowMs;
            technician.Poll(now, false);
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 1000; i++)
            {
                now += 1000;
                rig.Clock.Advance(1000);
                technician.Poll(now, false);
            }

            Assert.AreEqual(0L, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        [TestMethod]
        public void TypingAllocatesNothingUntilTheLineEnds()
        {
            FakeEcho echo = new FakeEcho();
            LineEditor editor = new LineEditor(LineEditor.DefaultMaxLength, echo, new[] { "wifi.password" });
            editor.Feed('x');
            editor.Feed('\r');
            echo.Clear();
            string text = "mqtt broker.local 1883 user pass\b\bss";
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < text.Length; i++)
            {
                Assert.IsNull(editor.Feed(text[i]));
            }

            Assert.AreEqual(0L, GC.GetAllocatedBytesForCurrentThread() - before);
            Assert.AreEqual("mqtt broker.local 1883 user pass", editor.Feed('\r'));
        }

        [TestMethod]
        public void AnyBytesGiveOnlyBoundedPrintableLines()
        {
            Gen.Byte.Array[0, 600].Sample(bytes =>
            {
                LineEditor editor = new LineEditor(40, new FakeEcho(), null);
                foreach (byte b in bytes)
                {
                    string line = editor.Feed(b);
                    if (line == null)
                    {
                        continue;
                    }

                    Assert.IsTrue(line.Length >= 1 && line.Length <= 40);
                    foreach (char c in line)
                    {
                        Assert.IsTrue(c >= ' ' && c <= '~');
                    }
                }

                Assert.IsTrue(editor.Length <= 40);
            });
        }

        [TestMethod]
        public void PrintableTextComesBackAsTyped()
        {
            Gen.Char['!', '~'].Array[1, 200].Select(chars => new string(chars)).Sample(text =>
            {
                LineEditor editor = new LineEditor(LineEditor.DefaultMaxLength, null, null);
                string result = null;
                foreach (char c in text)
                {
                    Assert.IsNull(editor.Feed(c));
                }

                result = editor.Feed('\n');
                Assert.AreEqual(text, result);
            });
        }

        [TestMethod]
        public void SecretsNeverReachTheEchoOrTheLog()
        {
            Gen.Char['!', '~'].Array[8, 40].Select(chars => new string(chars)).Where(s => s.IndexOf('"') < 0 && s.IndexOf('*') < 0).Sample(secret =>
            {
                FakeEcho echo = new FakeEcho();
                ConsoleRig rig = new ConsoleRig();
                LineEditor editor = rig.Controller.Technician.CreateLineEditor(echo);
                string typed = "mqtt host 1883 user " + secret + "\r";
                string line = null;
                foreach (char c in typed)
                {
                    line = editor.Feed(c) ?? line;
                }

                Assert.AreEqual("mqtt host 1883 user " + secret, line);
                Assert.IsFalse(echo.Text.Contains(secret));
                string output = rig.Type(line) + rig.Type("settings") + rig.Type("events") + rig.Type("log 64");
                Assert.IsFalse(output.Contains(secret), output);
            }, iter: 30);
        }

        [TestMethod]
        public void UartThreadAndTickThreadCanRunTogether()
        {
            ConsoleRig rig = new ConsoleRig();
            var reader = new System.Threading.Thread(() =>
            {
                LineEditor editor = rig.Controller.Technician.CreateLineEditor(null);
                for (int i = 0; i < 200; i++)
                {
                    foreach (char c in "get zone1.target_rh\r")
                    {
                        string line = editor.Feed(c);
                        if (line != null)
                        {
                            rig.Controller.Inbox.PostConsoleLine(line);
                        }
                    }
                }
            });
            reader.Start();
            for (int i = 0; i < 400; i++)
            {
                rig.Clock.Advance(10);
                rig.Controller.Tick();
            }

            reader.Join();
            rig.Ticks(5);
            Assert.AreEqual(0, rig.Controller.Inbox.Count);
        }
    }
}
