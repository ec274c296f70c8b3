# id, version, [dll paths relative to package folder], assembly name, assembly version
CORE = [
 ("nanoFramework.CoreLibrary","1.17.11",[("mscorlib","lib\\mscorlib.dll","1.17.11.0")]),
 ("nanoFramework.System.Math","1.5.116",[("System.Math","lib\\System.Math.dll","1.5.116.0")]),
 ("nanoFramework.System.Text","1.3.42",[("nanoFramework.System.Text","lib\\nanoFramework.System.Text.dll","1.3.42.0")]),
]
FIRMWARE = CORE + [
 ("nanoFramework.M2Mqtt","5.1.220",[("nanoFramework.M2Mqtt","lib\\nanoFramework.M2Mqtt.dll","5.1.220.0"),("nanoFramework.M2Mqtt.Core","lib\\nanoFramework.M2Mqtt.Core.dll","5.1.220.0")]),
 ("nanoFramework.Iot.Device.Bmxx80","1.2.1016",[("Iot.Device.Bmxx80","lib\\Iot.Device.Bmxx80.dll","1.2.0.0")]),
 ("nanoFramework.Iot.Device.Common.WeatherHelper","1.2.950",[("Iot.Device.Common.WeatherHelper","lib\\Iot.Device.Common.WeatherHelper.dll","1.2.0.0")]),
 ("nanoFramework.System.Device.Gpio","1.1.62",[("System.Device.Gpio","lib\\System.Device.Gpio.dll","1.1.62.0")]),
 ("nanoFramework.System.Device.I2c","1.1.29",[("System.Device.I2c","lib\\System.Device.I2c.dll","1.1.29.0")]),
 ("nanoFramework.System.Device.Model","1.2.862",[("System.Device.Model","lib\\System.Device.Model.dll","1.2.862.0")]),
 ("nanoFramework.System.Buffers.Binary.BinaryPrimitives","1.2.862",[("System.Buffers.Binary.BinaryPrimitives","lib\\System.Buffers.Binary.BinaryPrimitives.dll","1.2.862.0")]),
 ("nanoFramework.UnitsNet.Duration","5.76.15",[("nanoFramework.UnitsNet.Duration","lib\\netnano1.0\\nanoFramework.UnitsNet.Duration.dll","5.76.15.0")]),
 ("nanoFramework.UnitsNet.ElectricResistance","5.76.15",[("nanoFramework.UnitsNet.ElectricResistance","lib\\netnano1.0\\nanoFramework.UnitsNet.ElectricResistance.dll","5.76.15.0")]),
 ("nanoFramework.UnitsNet.Length","5.76.15",[("nanoFramework.UnitsNet.Length","lib\\netnano1.0\\nanoFramework.UnitsNet.Length.dll","5.76.15.0")]),
 ("nanoFramework.UnitsNet.Pressure","5.76.15",[("nanoFramework.UnitsNet.Pressure","lib\\netnano1.0\\nanoFramework.UnitsNet.Pressure.dll","5.76.15.0")]),
 ("nanoFramework.UnitsNet.RelativeHumidity","5.76.15",[("nanoFramework.UnitsNet.RelativeHumidity","lib\\netnano1.0\\nanoFramework.UnitsNet.RelativeHumidity.dll","5.76.15.0")]),
 ("nanoFramework.UnitsNet.Temperature","5.76.15",[("nanoFramework.UnitsNet.Temperature","lib\\netnano1.0\\nanoFramework.UnitsNet.Temperature.dll","5.76.15.0")]),
 ("nanoFramework.Hardware.Esp32","1.6.40",[("nanoFramework.Hardware.Esp32","lib\\nanoFramework.Hardware.Esp32.dll","1.6.40.0")]),
 ("nanoFramework.System.Device.Wifi","1.5.149",[("System.Device.Wifi","lib\\System.Device.Wifi.dll","1.5.149.0")]),
 ("nanoFramework.System.Net","1.11.60",[("System.Net","lib\\System.Net.dll","1.11.60.0")]),
 ("nanoFramework.Networking.Sntp","1.6.42",[("nanoFramework.Networking.Sntp","lib\\nanoFramework.Networking.Sntp.dll","1.6.42.0")]),
 ("nanoFramework.Runtime.Events","1.11.37",[("nanoFramework.Runtime.Events","lib\\nanoFramework.Runtime.Events.dll","1.11.37.0")]),
 ("nanoFramework.Runtime.Native","1.7.11",[("nanoFramework.Runtime.Native","lib\\nanoFramework.Runtime.Native.dll","1.7.11.0")]),
 ("nanoFramework.System.Collections","1.5.75",[("nanoFramework.System.Collections","lib\\nanoFramework.System.Collections.dll","1.5.75.0")]),
 ("nanoFramework.System.Threading","1.1.52",[("System.Threading","lib\\System.Threading.dll","1.1.52.0")]),
 ("nanoFramework.System.IO.Streams","1.1.96",[("System.IO.Streams","lib\\System.IO.Streams.dll","1.1.96.0")]),
 ("nanoFramework.System.IO.FileSystem","1.1.93",[("System.IO.FileSystem","lib\\System.IO.FileSystem.dll","1.1.93.0")]),
 ("nanoFramework.System.IO.Ports","1.1.139",[("System.IO.Ports","lib\\System.IO.Ports.dll","1.1.139.0")]),
]
TESTS = CORE + [
 ("nanoFramework.TestFramework","3.0.80",[("nanoFramework.TestFramework","lib\\nanoFramework.TestFramework.dll","3.0.80.0"),("nanoFramework.UnitTestLauncher","lib\\nanoFramework.UnitTestLauncher.exe","0.0.0.0")]),
]
