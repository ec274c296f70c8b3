// Compile-only shim, not deployed. Declares only members that exist upstream.
// Package: nanoFramework.System.Device.I2c 1.1.29
// Upstream: nanoframework/System.Device.I2c@ac5858c8be7d7b917854328ebc023c8bf66dbfee System.Device.I2c/I2cDevice.cs
// Upstream: nanoframework/System.Device.I2c@ac5858c8be7d7b917854328ebc023c8bf66dbfee System.Device.I2c/I2cConnectionSettings.cs
// Upstream: nanoframework/System.Device.I2c@ac5858c8be7d7b917854328ebc023c8bf66dbfee System.Device.I2c/I2cBusSpeed.cs
// Upstream: nanoframework/System.Device.I2c@ac5858c8be7d7b917854328ebc023c8bf66dbfee System.Device.I2c/I2cTransferResult.cs
// Upstream: nanoframework/System.Device.I2c@ac5858c8be7d7b917854328ebc023c8bf66dbfee System.Device.I2c/I2cTransferStatus.cs
// Buffers are System.SpanByte (mscorlib 1.17.11), not Span<byte>; byte[] converts implicitly.
// Device behaviour this compile-only shim cannot show (read in nf-interpreter targets/ESP32/_nanoCLR/System.Device.I2c/
// sys_dev_i2c_native_System_Device_I2c_I2cDevice.cpp; modelled in tests/Greenhouse.Firmware.Tests/Models/System.Device.I2c):
// - on ESP32 a NACK or a bus timeout never throws: Status says SlaveAddressNotAcknowledged / ClockStretchTimeout,
//   BytesTransferred is 0 and the read buffer is left as it was (stale bytes, or zeros in a new buffer);
// - ReadByte() returns its reused one-byte buffer without looking at the status;
// - creating a device routes the bus to the pins mapped with Configuration.SetPinFunction (else the target's defaults,
//   GPIO 18/19 and 25/26 on ESP32) and fails while either pin is open as a GPIO.
namespace System.Device.I2c
{
    public class I2cDevice : IDisposable
    {
        public I2cDevice(I2cConnectionSettings settings) { throw null; }
        public static I2cDevice Create(I2cConnectionSettings settings) { throw null; }
        public I2cConnectionSettings ConnectionSettings { get { throw null; } }
        public byte ReadByte() { throw null; }
        public I2cTransferResult Read(SpanByte buffer) { throw null; }
        public I2cTransferResult WriteByte(byte value) { throw null; }
        public I2cTransferResult Write(SpanByte buffer) { throw null; }
        public I2cTransferResult WriteRead(SpanByte writeBuffer, SpanByte readBuffer) { throw null; }
        public void Dispose() { throw null; }
    }

    public sealed class I2cConnectionSettings
    {
        public I2cConnectionSettings(int busId, int deviceAddress) { throw null; }
        public I2cConnectionSettings(int busId, int deviceAddress, I2cBusSpeed busSpeed) { throw null; }
        public int BusId { get { throw null; } }
        public int DeviceAddress { get { throw null; } }
        public I2cBusSpeed BusSpeed { get { throw null; } }
    }

    public enum I2cBusSpeed
    {
        StandardMode,
        FastMode,
        FastModePlus,
    }

    public struct I2cTransferResult
    {
        public uint BytesTransferred { get { throw null; } }
        public I2cTransferStatus Status { get { throw null; } }
    }

    public enum I2cTransferStatus
    {
        UnknownError,
        FullTransfer,
        ClockStretchTimeout,
        PartialTransfer,
        SlaveAddressNotAcknowledged,
    }
}
