using System;
using System.IO;
using Greenhouse.Footprint.Rig;

namespace Greenhouse.Footprint
{
    /// <summary>
    /// <c>--trace-allocs</c>: runs the steady-state rig tick by tick and prints every tick that allocated, with
    /// what else happened in it (log lines written, MQTT publishes, relay switches), to find the source.
    /// </summary>
    public static class Trace
    {
        /// <summary>Scenarios: steady (default), mist-cycle, zone4-off, zone4-rest, sensors-bus-error, sensors-invalid-data, tank-empty, mqtt-down.</summary>
        public static int Run(TextWriter output, int ticks, string scenario)
        {
            string[] settings = { "zones", "4" };
            HumidityProfile profile = HumidityProfile.Wiggle;
            if (scenario == "zone4-off")
            {
                settings = new[] { "zones", "4", "zone4.mode", "off" };
            }
            else if (scenario == "mist-cycle")
            {
                profile = HumidityProfile.MistCycle;
            }
            else if (scenario == "zone4-rest")
            {
                settings = new[] { "zones", "4", "zone4.stage", "rest" };
            }

            SteadyStateRig rig = new SteadyStateRig(profile, SteadyStateRig.WithBroker(settings), 0);
            switch (scenario)
            {
                case "sensors-bus-error":
                    rig.Sensor.Status = Greenhouse.Ports.SensorReadStatus.BusError;
                    rig.Sensor2.Status = Greenhouse.Ports.SensorReadStatus.BusError;
                    break;
                case "sensors-invalid-data":
                    rig.Sensor.Status = Greenhouse.Ports.SensorReadStatus.InvalidData;
                    rig.Sensor2.Status = Greenhouse.Ports.SensorReadStatus.InvalidData;
                    break;
                case "tank-empty":
                    rig.Tank.High = false;
                    break;
                case "mqtt-down":
                    rig.Link.AutoConnect = false;
                    rig.Link.Connected = false;
                    break;
            }

            for (int i = 0; i < SteadyStateRig.DefaultWarmUpTicks; i++)
            {
                rig.Step();
            }

            output.WriteLine("scenario " + (scenario ?? "steady"));
            output.WriteLine("after warm-up: published " + rig.Link.Count + ", log lines " + rig.Log.Count + ", session up " + (rig.Controller.Mqtt != null && rig.Controller.Mqtt.SessionUp));
            int shown = 0;
            for (int i = 0; i < ticks && shown < 40; i++)
            {
                long published = rig.Link.Count;
                long lines = rig.Log.Count;
                long writes = rig.Store.Writes;
                long before = GC.GetAllocatedBytesForCurrentThread();
                rig.Step();
                long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
                if (bytes == 0)
                {
                    continue;
                }

                shown++;
                output.WriteLine("tick " + i + " (uptime " + rig.Clock.Uptime / 1000 + " s): " + bytes + " bytes; publishes " + (rig.Link.Count - published)
                    + "; log lines " + (rig.Log.Count - lines) + (rig.Log.Count != lines ? " last: " + rig.Log.Last : "")
                    + "; store writes " + (rig.Store.Writes - writes) + (rig.Store.Writes != writes ? " (" + rig.Store.LastWriteName + ", " + rig.Store.LastWriteBytes + " bytes)" : "") + "; connect attempts " + rig.Link.ConnectAttempts);
                for (int p = (int)published; p < rig.Link.Count && p < published + 4; p++)
                {
                    output.WriteLine("    publish " + rig.Link.TopicAt(p) + " (" + rig.Link.PayloadAt(p).Length + " bytes)");
                }
            }

            return 0;
        }
    }
}
