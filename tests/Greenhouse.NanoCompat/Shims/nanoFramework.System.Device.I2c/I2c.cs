// Compile-only shim, not deployed. Declares only members that exist upstream.
// Package: nanoFramework.System.Device.I2c 1.1.29
// Upstream: nanoframework/System.Device.I2c@ac5858c8be7d7b917854328ebc023c8bf66dbfee System.Device.I2c/I2cDevice.cs
// Upstream: nanoframework/System.Device.I2c@ac5858c8be7d7b917854328ebc023c8bf66dbfee System.Device.I2c/I2cConnectionSettings.cs
// Upstream: nanoframework/System.Device.I2c@ac5858c8be7d7b917854328ebc023c8bf66dbfee System.Device.I2c/I2cBusSpeed.cs
// Upstream: nanoframework/System.Device.I2c@ac5858c8be7d7b917854328ebc023c8bf66dbfee System.Device.I2c/I2cTransferResult.cs
// Upstream: nanoframework/System.Device.I2c@ac5858c8be7d7b917854328ebc023c8bf66dbfee System.Device.I2c/I2cTransferStatus.cs
// Buffers are System.SpanByte (mscorlib 1.17.11), not Span<byte>; byte[] converts implicitly.
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
