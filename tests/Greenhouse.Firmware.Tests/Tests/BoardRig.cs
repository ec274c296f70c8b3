using System;
using System.Collections.Generic;
using Greenhouse.App;
using Greenhouse.Board;
using Greenhouse.Firmware.Tests.Models;
using Greenhouse.Ports;
using Microsoft.VisualStudio.TestTools.UnitTesting;

[assembly: DoNotParallelize]

namespace Greenhouse.Firmware.Tests
{
    /// <summary>A settings store in memory (the device's flash drive in these tests).</summary>
    public sealed class MemoryStore : ISettingsStore
    {
        public readonly Dictionary<string, byte[]> Blobs = new Dictionary<string, byte[]>();
        public bool ThrowOnWrite;

        public bool TryRead(string name, out byte[] content)
        {
            return Blobs.TryGetValue(name, out content);
        }

        public bool Write(string name, byte[] content)
        {
            if (ThrowOnWrite)
            {
                throw new System.IO.IOException("flash write failed");
            }

            Blobs[name] = content;
            return true;
        }

        public bool Delete(string name)
        {
            Blobs.Remove(name);
            return true;
        }

        /// <summary>Stores settings the way the controller does, so the next boot reads them.</summary>
        public MemoryStore With(params string[] keyValues)
        {
            var ports = new ControllerPorts { Store = this, Clock = new TestClock(), Log = new NullLog() };
            var controller = new Controller(ports, "setup");
            controller.Start();
            for (int i = 0; i < keyValues.Length; i += 2)
            {
                var result = controller.Commands.ApplySetting(keyValues[i], keyValues[i + 1], "test");
                Assert.IsTrue(result.Ok, keyValues[i] + ": " + result.Error);
            }

            Assert.IsTrue(controller.Persistence.SaveNow());
            return this;
        }
    }

    public sealed class NullLog : ILogSink
    {
        public void WriteLine(string line)
        {
        }
    }

    /// <summary>A clock for adapter tests: uptime from the board, wall time only once set.</summary>
    public sealed class TestClock : IClock
    {
        public bool Synced;

        public long UptimeMilliseconds
        {
            get { return Esp32Board.UptimeMs; }
        }

        public bool TryGetUtcNow(out DateTime utcNow)
        {
            utcNow = new DateTime(2026, 6, 1, 4, 0, 0, DateTimeKind.Utc).AddMilliseconds(Esp32Board.UptimeMs);
            return Synced;
        }
    }

    /// <summary>The standard wiring of hardware-docs/wiring.md on the model board.</summary>
    public sealed class BoardRig
    {
        public readonly DeadManCircuit DeadMan;
        public readonly RelayBoard Relays;
        public readonly FloatSwitch Tank;
        public readonly Bme280Chip Sensor1;
        public readonly Bme280Chip Sensor2;
        public readonly MemoryStore Store;
        public ControllerBoard Board;

        public BoardRig(bool sensor2OwnBus = false, MemoryStore store = null)
        {
            Esp32Board.Reset();
            DeadMan = new DeadManCircuit(DefaultPins.Heartbeat, DefaultPins.RelaySupplySense);
            Relays = new RelayBoard(DeadMan, DefaultPins.RelaysActiveLow, DefaultPins.PumpRelay, DefaultPins.Valve1Relay,
                DefaultPins.Valve2Relay, DefaultPins.Valve3Relay, DefaultPins.Valve4Relay, DefaultPins.FanRelay);
            Tank = new FloatSwitch(DefaultPins.TankFloatSwitch) { ExternalPullUpOhms = 4700 };
            Sensor1 = new Bme280Chip(0x76, DefaultPins.I2cData, DefaultPins.I2cClock);
            Sensor2 = sensor2OwnBus
                ? new Bme280Chip(0x77, DefaultPins.I2c2Data, DefaultPins.I2c2Clock)
                : new Bme280Chip(0x77, DefaultPins.I2cData, DefaultPins.I2cClock);
            Esp32Board.Wire(DeadMan);
            Esp32Board.Wire(Relays);
            Esp32Board.Wire(Tank);
            Esp32Board.Wire(Sensor1);
            Esp32Board.Wire(Sensor2);
            Store = store ?? new MemoryStore();
            if (sensor2OwnBus && store == null)
            {
                Store.With("sensor2.bus", "2");
            }
        }

        public ControllerBoard Boot()
        {
            Board = ControllerBoard.Boot(Store, false);
            return Board;
        }

        /// <summary>Runs the loop once a (virtual) second.</summary>
        public void Run(int seconds)
        {
            for (int i = 0; i < seconds; i++)
            {
                Esp32Board.Advance(1000);
                Board.RunTick();
                Board.Watchdog.Check();
            }
        }

        public Controller Controller
        {
            get { return Board.Controller; }
        }
    }
}
