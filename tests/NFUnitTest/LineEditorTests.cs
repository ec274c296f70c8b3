using Greenhouse.Technician;
using Greenhouse.TestSupport;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace Greenhouse.Tests
{
    [TestClass]
    public class LineEditorTests
    {
        private static string[] Secrets()
        {
            return new string[] { "wifi.password", "mqtt.password" };
        }

        /// <summary>Feeds text; returns the finished lines joined by '|'.</summary>
        private static string Feed(LineEditor editor, string text)
        {
            string lines = "";
            for (int i = 0; i < text.Length; i++)
            {
                string line = editor.Feed(text[i]);
                if (line != null)
                {
                    lines = lines + line + "|";
                }
            }

            return lines;
        }

        [TestMethod]
        public void CrLfAndCrLfEndLinesOnce()
        {
            LineEditor editor = new LineEditor(LineEditor.DefaultMaxLength, null, Secrets());
            Assert.AreEqual("status|", Feed(editor, "status\r"));
            Assert.AreEqual("help|", Feed(editor, "help\n"));
            Assert.AreEqual("a|b|", Feed(editor, "a\r\nb\r\n"));
            // Empty lines give nothing, LF CR is two ends (both empty here).
            Assert.AreEqual("", Feed(editor, "\r\n\n\r"));
            Assert.AreEqual("x|", Feed(editor, "x\n\r"));
        }

        [TestMethod]
        public void BackspaceAndDeleteErase()
        {
            FakeEcho echo = new FakeEcho();
            LineEditor editor = new LineEditor(LineEditor.DefaultMaxLength, echo, Secrets());
            Assert.AreEqual("status|", Feed(editor, "statx\bus\r"));
            Assert.AreEqual("statx\b \bus\r\n", echo.Text);
            Assert.AreEqual("get|", Feed(editor, "gexx" + (char)127 + (char)127 + "t\r"));
            // Backspace on an empty line does nothing.
            echo.Clear();
            Assert.AreEqual("ok|", Feed(editor, "\b\bok\n"));
            Assert.AreEqual("ok\r\n", echo.Text);
            // Ctrl-C drops the line, Ctrl-U erases it.
            Assert.AreEqual("b|", Feed(editor, "abc" + (char)3 + "b\r"));
            Assert.AreEqual("d|", Feed(editor, "abc" + (char)21 + "d\r"));
        }

        [TestMethod]
        public void NonPrintableBytesAndEscapeSequencesAreIgnored()
        {
            LineEditor editor = new LineEditor(LineEditor.DefaultMaxLength, null, Secrets());
            // A nanoFramework string ends at its first NUL character, so the NUL goes in on its own, as from the UART.
            Assert.AreEqual("", Feed(editor, "st"));
            Assert.IsNull(editor.Feed((char)0));
            Assert.AreEqual("status|", Feed(editor, "" + (char)7 + "a" + (char)200 + "tus\r"));
            // Arrow up (ESC [ A), F1 (ESC O P), delete key (ESC [ 3 ~).
            Assert.AreEqual("help|", Feed(editor, "he" + (char)27 + "[A" + (char)27 + "OP" + "l" + (char)27 + "[3~p\r"));
            // Tab counts as a space.
            Assert.AreEqual("get x|", Feed(editor, "get\tx\r"));
            // Bytes as they come from the UART.
            Assert.IsNull(editor.Feed((byte)'o'));
            Assert.IsNull(editor.Feed((byte)0xC3));
            Assert.IsNull(editor.Feed((byte)'k'));
            Assert.AreEqual("ok", editor.Feed((byte)13));
        }

        [TestMethod]
        public void TooLongLinesAreDiscardedWithAnError()
        {
            FakeEcho echo = new FakeEcho();
            LineEditor editor = new LineEditor(LineEditor.DefaultMaxLength, echo, Secrets());
            string exact = new string('a', LineEditor.DefaultMaxLength);
            Assert.AreEqual(exact + "|", Feed(editor, exact + "\r"));
            echo.Clear();
            Assert.AreEqual("", Feed(editor, exact + "bcdef\r"));
            Assert.AreEqual(1, editor.Overflows);
            Assert.IsTrue(echo.Text.IndexOf(LineEditor.TooLongMessage) > 0);
            Assert.AreEqual(0, editor.Length);
            // The next line is accepted again.
            Assert.AreEqual("status|", Feed(editor, "status\r"));

            LineEditor small = new LineEditor(5, null, Secrets());
            Assert.AreEqual("", Feed(small, "123456\r"));
            Assert.AreEqual("12345|", Feed(small, "12345\r"));
        }

        [TestMethod]
        public void SecretsAreMaskedInTheEcho()
        {
            FakeEcho echo = new FakeEcho();
            LineEditor editor = new LineEditor(LineEditor.DefaultMaxLength, echo, Secrets());
            Assert.AreEqual("wifi myssid s3cret|", Feed(editor, "wifi myssid s3cret\r"));
            Assert.AreEqual("wifi myssid ******\r\n", echo.Text);

            echo.Clear();
            Feed(editor, "mqtt host 1883 user pw12\r");
            Assert.AreEqual("mqtt host 1883 user ****\r\n", echo.Text);

            echo.Clear();
            Feed(editor, "SET mqtt.password abc def\r");
            Assert.AreEqual("SET mqtt.password *******\r\n", echo.Text);

            echo.Clear();
            Feed(editor, "wifi \"My Net\" pw\r");
            Assert.AreEqual("wifi \"My Net\" **\r\n", echo.Text);

            echo.Clear();
            Feed(editor, "set zone1.target_rh 91\r");
            Assert.AreEqual("set zone1.target_rh 91\r\n", echo.Text);

            // Erasing a masked character still erases one column.
            echo.Clear();
            Assert.AreEqual("wifi a bc|", Feed(editor, "wifi a bd\bc\r"));
            Assert.AreEqual("wifi a **\b \b*\r\n", echo.Text);
        }

        [TestMethod]
        public void ReprintShowsThePartialLineMasked()
        {
            FakeEcho echo = new FakeEcho();
            LineEditor editor = new LineEditor(LineEditor.DefaultMaxLength, echo, Secrets());
            editor.Reprint();
            Assert.AreEqual("", echo.Text);
            Feed(editor, "wifi net pw1");
            echo.Clear();
            editor.Reprint();
            Assert.AreEqual("wifi net ***", echo.Text);
            Assert.AreEqual("wifi net pw12|", Feed(editor, "2\r"));
        }

        [TestMethod]
        public void CommandLinesAreMaskedForLogging()
        {
            Assert.AreEqual("wifi myssid ********", CommandLine.MaskSecrets("wifi myssid s3cret", Secrets()));
            Assert.AreEqual("wifi myssid", CommandLine.MaskSecrets("wifi myssid", Secrets()));
            Assert.AreEqual("mqtt host 1883 user ********", CommandLine.MaskSecrets("mqtt host 1883 user pw", Secrets()));
            Assert.AreEqual("mqtt host 1883", CommandLine.MaskSecrets("mqtt host 1883", Secrets()));
            Assert.AreEqual("set mqtt.password ********", CommandLine.MaskSecrets("set mqtt.password a b c", Secrets()));
            Assert.AreEqual("set wifi.password ********", CommandLine.MaskSecrets("set wifi.password x", null));
            Assert.AreEqual("set zone1.target_rh 91", CommandLine.MaskSecrets("set zone1.target_rh 91", Secrets()));
            Assert.AreEqual("status", CommandLine.MaskSecrets("status", Secrets()));
        }

        [TestMethod]
        public void CommandLineSplitsWordsAndQuotes()
        {
            CommandLine line = CommandLine.Parse("  SET  wifi.ssid  \"Farm Net\" ");
            Assert.AreEqual(3, line.Count);
            Assert.AreEqual("set", line.Command);
            Assert.AreEqual("wifi.ssid", line.Word(1));
            Assert.AreEqual("Farm Net", line.Word(2));
            Assert.AreEqual("Farm Net", line.Rest(2));
            Assert.IsNull(line.Word(3));

            CommandLine rest = CommandLine.Parse("set device.id my house 2");
            Assert.AreEqual("my house 2", rest.Rest(2));
            Assert.AreEqual(5, rest.Count);

            CommandLine open = CommandLine.Parse("wifi \"unterminated name");
            Assert.AreEqual("unterminated name", open.Word(1));
            Assert.AreEqual(0, CommandLine.Parse("   ").Count);
            Assert.IsTrue(CommandLine.Parse("1 2 3 4 5 6 7 8 9").TooManyWords);
        }
    }
}
