// Compile-only shim, not deployed. Declares only members that exist upstream.
// Package: nanoFramework.Iot.Device.Bmxx80 1.2.1016
// Upstream: nanoframework/nanoFramework.IoT.Device@122ebb1a7aa12f29df2c177a8f79dca963fa4c1e devices/Bmxx80/Bme280.cs
// Upstream: nanoframework/nanoFramework.IoT.Device@122ebb1a7aa12f29df2c177a8f79dca963fa4c1e devices/Bmxx80/Bmx280Base.cs
// Upstream: nanoframework/nanoFramework.IoT.Device@122ebb1a7aa12f29df2c177a8f79dca963fa4c1e devices/Bmxx80/Bmxx80Base.cs
// Upstream: nanoframework/nanoFramework.IoT.Device@122ebb1a7aa12f29df2c177a8f79dca963fa4c1e devices/Bmxx80/DeviceStatus.cs
// Upstream: nanoframework/nanoFramework.IoT.Device@122ebb1a7aa12f29df2c177a8f79dca963fa4c1e devices/Bmxx80/Sampling.cs
// Upstream: nanoframework/nanoFramework.IoT.Device@122ebb1a7aa12f29df2c177a8f79dca963fa4c1e devices/Bmxx80/StandbyTime.cs
// Upstream: nanoframework/nanoFramework.IoT.Device@122ebb1a7aa12f29df2c177a8f79dca963fa4c1e devices/Bmxx80/FilteringMode/Bmx280FilteringMode.cs
// Upstream: nanoframework/nanoFramework.IoT.Device@122ebb1a7aa12f29df2c177a8f79dca963fa4c1e devices/Bmxx80/PowerMode/Bmx280PowerMode.cs
// Upstream: nanoframework/nanoFramework.IoT.Device@122ebb1a7aa12f29df2c177a8f79dca963fa4c1e devices/Bmxx80/ReadResult/Bme280ReadResult.cs
// Upstream: nanoframework/nanoFramework.IoT.Device@122ebb1a7aa12f29df2c177a8f79dca963fa4c1e devices/Bmxx80/ReadResult/Bmp280ReadResult.cs
// UNVERIFIED version match: the snapshot (2026-01-08, about package 1.2.931) predates 1.2.1016; between them
// the UnitsNet dependency moved to the nanoFramework.UnitsNet.* 5.76.15 packages (same namespace UnitsNet).
// Abstract members of the base classes are declared complete. Not declared (subset): Bmp280, Bme680,
// most protected helpers, Bmxx80Base.CommunicationProtocol, the System.Device.Model attributes.
// Device behaviour this compile-only shim cannot show (read in IoT.Device devices/Bmxx80/Bmxx80Base.cs, Bmx280Base.cs,
// Bme280.cs; modelled in tests/Greenhouse.Firmware.Tests/Models/nanoFramework.Iot.Device.Bmxx80):
// - every register access ignores the I2C transfer status, so with an unplugged sensor Read() compensates zeros
//   (about -140 C, 0 %RH) and reports them valid;
// - the sampling settings are cached in the driver: after the sensor alone lost power (chip back to "skipped", sleep)
//   Read() returns constant plausible values until the driver is rebuilt or the settings are written again.
using System;
using System.Device.I2c;
using Iot.Device.Bmxx80.FilteringMode;
using Iot.Device.Bmxx80.PowerMode;
using Iot.Device.Bmxx80.ReadResult;
using UnitsNet;

namespace Iot.Device.Bmxx80
{
    public abstract class Bmxx80Base : IDisposable
    {
        protected Bmxx80Base(byte deviceId, I2cDevice i2cDevice) { throw null; }
        public Sampling PressureSampling { get { throw null; } set { throw null; } }
        public Sampling TemperatureSampling { get { throw null; } set { throw null; } }
        public void Reset() { throw null; }
        public abstract bool TryReadTemperature(out Temperature temperature);
        public abstract bool TryReadPressure(out Pressure pressure);
        protected virtual void SetDefaultConfiguration() { throw null; }
        public void Dispose() { throw null; }
        protected virtual void Dispose(bool disposing) { throw null; }
    }

    public abstract class Bmx280Base : Bmxx80Base
    {
        public const byte DefaultI2cAddress = 0x77;
        public const byte SecondaryI2cAddress = 0x76;
        protected Bmx280Base(byte deviceId, I2cDevice i2cDevice) : base(deviceId, i2cDevice) { throw null; }
        public Bmx280FilteringMode FilterMode { get { throw null; } set { throw null; } }
        public StandbyTime StandbyTime { get { throw null; } set { throw null; } }
        public override bool TryReadTemperature(out Temperature temperature) { throw null; }
        public Bmx280PowerMode ReadPowerMode() { throw null; }
        public override bool TryReadPressure(out Pressure pressure) { throw null; }
        public bool TryReadAltitude(Pressure seaLevelPressure, out Length altitude) { throw null; }
        public bool TryReadAltitude(out Length altitude) { throw null; }
        public DeviceStatus ReadStatus() { throw null; }
        public void SetPowerMode(Bmx280PowerMode powerMode) { throw null; }
        public virtual int GetMeasurementDuration() { throw null; }
        protected override void SetDefaultConfiguration() { throw null; }
    }

    public class Bme280 : Bmx280Base
    {
        public Bme280(I2cDevice i2cDevice) : base(0, i2cDevice) { throw null; }
        public Sampling HumiditySampling { get { throw null; } set { throw null; } }
        public bool TryReadHumidity(out RelativeHumidity humidity) { throw null; }
        public override int GetMeasurementDuration() { throw null; }
        public Bme280ReadResult Read() { throw null; }
        protected override void SetDefaultConfiguration() { throw null; }
    }

    public class DeviceStatus
    {
        public bool Measuring { get { throw null; } set { throw null; } }
        public bool ImageUpdating { get { throw null; } set { throw null; } }
    }

    public enum Sampling : byte
    {
        Skipped = 0,
        UltraLowPower = 1,
        LowPower = 2,
        Standard = 3,
        HighResolution = 4,
        UltraHighResolution = 5,
    }

    public enum StandbyTime : byte
    {
        Ms0_5 = 0,
        Ms62_5 = 1,
        Ms125 = 2,
        Ms250 = 3,
        Ms500 = 4,
        Ms1000 = 5,
        Ms10 = 6,
        Ms20 = 7,
    }
}

namespace Iot.Device.Bmxx80.FilteringMode
{
    public enum Bmx280FilteringMode : byte
    {
        Off = 0,
        X2 = 1,
        X4 = 2,
        X8 = 3,
        X16 = 4,
    }
}

namespace Iot.Device.Bmxx80.PowerMode
{
    public enum Bmx280PowerMode : byte
    {
        Sleep = 0,
        Forced = 2,
        Normal = 3,
    }
}

namespace Iot.Device.Bmxx80.ReadResult
{
    public class Bmp280ReadResult
    {
        public Bmp280ReadResult(Temperature temperature, bool temperatureIsValid, Pressure pressure, bool pressureIsValid) { throw null; }
        public Temperature Temperature { get { throw null; } }
        public bool TemperatureIsValid { get { throw null; } }
        public Pressure Pressure { get { throw null; } }
        public bool PressureIsValid { get { throw null; } }
    }

    public class Bme280ReadResult : Bmp280ReadResult
    {
        public Bme280ReadResult(Temperature temperature, bool temperatureIsValid, Pressure pressure, bool pressureIsValid, RelativeHumidity humidity, bool humidityIsValid) : base(temperature, temperatureIsValid, pressure, pressureIsValid) { throw null; }
        public RelativeHumidity Humidity { get { throw null; } }
        public bool HumidityIsValid { get { throw null; } }
    }
}
