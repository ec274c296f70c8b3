using Greenhouse.FlashKit;

namespace Greenhouse.FlashKit.Tests;

[TestClass]
public sealed class NanoffCommandTests
{
    [TestMethod]
    [DataRow("nanoff --listports")]
    [DataRow("nanoff --update --target ESP32_PSRAM_REV0 --serialport COM3 --fwversion 1.16.0.88 --fromarchive --archivepath \"C:\\kit\\firmware\"")]
    [DataRow("nanoff --nanodevice --devicedetails --serialport /dev/ttyUSB0")]
    [DataRow("nanoff --platform esp32 --serialport COM3 --devicedetails --checkpsram")]
    [DataRow("nanoff --updatearchive --target ESP32_PSRAM_REV0 --fwversion 1.16.0.88 --archivepath kit/firmware -v q")]
    public void DocumentedFormsParse(string line)
    {
        NanoffCommand command = NanoffCommand.Parse(line);
        Assert.AreEqual(0, command.Errors.Count, string.Join("; ", command.Errors));
    }

    [TestMethod]
    [DataRow("nanoff --flash --target ESP32_PSRAM_REV0", "no option --flash")]
    [DataRow("nanoff --nanodevice --target ESP32_PSRAM_REV0 --serialport COM3 --devicedetails", "--nanodevice cannot be combined")]
    [DataRow("nanoff --target ESP32_PSRAM_REV0 --serialport COM3 --deploy", "--deploy needs --image")]
    [DataRow("nanoff --update --target ESP32_PSRAM_REV0 --serialport", "--serialport needs a value")]
    [DataRow("nanoff --update --target ESP32_PSRAM_REV0 --serialport COM3 --fromarchive", "--fromarchive needs --archivepath")]
    [DataRow("nanoff --target ESP32_PSRAM_REV0 --serialport COM3 --deploy --image a.bin --address 1B000", "hexadecimal")]
    [DataRow("nanoff --platform esp8266 --listtargets", "--platform must be")]
    public void MistakesAreReported(string line, string expected)
    {
        NanoffCommand command = NanoffCommand.Parse(line);
        Assert.IsTrue(command.Errors.Any(e => e.Contains(expected)), string.Join("; ", command.Errors));
    }

    [TestMethod]
    public void AnUpdateWithoutTheArchiveDownloads()
    {
        Assert.IsTrue(NanoffCommand.Parse("nanoff --update --target ESP32_PSRAM_REV0 --serialport COM3").FetchesFirmware);
        Assert.IsFalse(NanoffCommand.Parse("nanoff --update --target ESP32_PSRAM_REV0 --serialport COM3 --fromarchive --archivepath f").FetchesFirmware);
    }
}
