using Greenhouse.App;
using Greenhouse.Diagnostics;
using Greenhouse.Persistence;
using Greenhouse.Settings;
using Greenhouse.TestSupport;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace Greenhouse.Tests
{
    /// <summary>
    /// No remote command can endanger a house or cut it off: hardware settings never from MQTT and only confirmed on
    /// the console after a restart; connection settings on trial, with the last working connection back when the
    /// new one does not reach the broker in time; every such change an event on the alarm path; relays off at every boot.
    /// </summary>
    [TestClass]
    public class RemoteSafetyTests
    {
        private static string Console(MqttRig rig, string line)
        {
            int mark = rig.Log.Count;
            rig.Controller.Inbox.PostConsoleLine(line);
            rig.Ticks(1);
            return rig.Log.Since(mark);
        }

        private static string Text(Controller controller, string key)
        {
            string text;
            string error;
            controller.Status.Settings.TryGetText(key, out text, out error);
            return text;
        }

        private static bool Has(string text, string fragment)
        {
            return text != null && text.IndexOf(fragment) >= 0;
        }

        /// <summary>Every alarm-topic payload published since <paramref name="from"/>, joined by '\n'.</summary>
        private static string AlarmEvents(MqttRig rig, int from)
        {
            string all = "";
            string topic = rig.Base + "/alarm";
            for (int i = from < rig.Link.Oldest ? rig.Link.Oldest : from; i < rig.Link.Count; i++)
            {
                if (rig.Link.TopicAt(i) == topic)
                {
                    all = all + rig.Link.PayloadText(i) + "\n";
                }
            }

            return all;
        }

        private static string Events(Controller controller)
        {
            string all = "";
            for (int i = 0; i < controller.Journal.ImportantCount; i++)
            {
                all = all + controller.Journal.GetImportant(i) + "\n";
            }

            return all;
        }

        private static MqttRig OnlineRig()
        {
            MqttRig rig = new MqttRig();
            rig.Link.ReachableHost = "broker.local";
            Assert.IsTrue(rig.Controller.Commands.ApplySetting(CoreSettings.TrialMinutes, "1", "test").Ok);
            rig.Ticks(5);
            Assert.IsTrue(rig.Controller.Mqtt.SessionUp);
            Assert.IsTrue(rig.Controller.Status.Changes.HasWorkingConnection);
            return rig;
        }

        [TestMethod]
        public void HardwareSettingsAreRefusedOverMqttNamingTheConsole()
        {
            MqttRig rig = OnlineRig();
            string[] keys = { "relays.active_low", "zones", "pins.pump_relay", "console.baud" };
            string[] values = { "off", "3", "19", "9600" };
            for (int i = 0; i < keys.Length; i++)
            {
                string before = Text(rig.Controller, keys[i]);
                string ack = rig.Send(rig.Base + "/config/" + keys[i] + "/set", values[i], false);
                Assert.IsTrue(Has(ack, "\"ok\":false,\"error\":\"" + keys[i] + " is a hardware setting: only the technician console at the controller can change it"), ack);
                Assert.AreEqual(before, Text(rig.Controller, keys[i]), keys[i]);
            }

            byte[] pending;
            Assert.IsFalse(rig.Store.TryRead(HardwareChanges.BlobName, out pending));
            Assert.AreEqual(0, rig.Controller.Status.Changes.PendingHardwareCount);
        }

        [TestMethod]
        public void APolarityChangeTakesEffectOnlyAfterARestartAndTheConsoleConfirmation()
        {
            FakeSettingsStore store = new FakeSettingsStore();
            ConsoleRig first = new ConsoleRig(store, 0);
            first.Ticks(1);
            string answer = first.Type("set relays.active_low off");
            Assert.IsTrue(Has(answer, "ok relays.active_low=off\n  waiting: in effect only after a restart (reboot) and hardware confirm on this console; in effect now: on\n"), answer);
            Assert.IsTrue(Has(answer, "WARN hardware change pending change=\"relays.active_low on -> off\""), answer);
            Assert.AreEqual("on", Text(first.Controller, "relays.active_low"));
            Assert.IsTrue(first.Controller.Status.Alarms.IsActive(AlarmCodes.HardwarePending, 0));
            Assert.IsTrue(Has(first.Ask("status"), "hardware waiting relays.active_low on -> off\n  in effect only after a restart: type reboot, then hardware confirm (or hardware discard)\n"));
            Assert.IsTrue(Has(first.Ask("hardware confirm"), "restart first: a hardware change is confirmed only after a restart"));
            first.Ticks(70);
            Assert.IsTrue(BootSettings.Read(store).Flag(BootSettings.Read(store).Require("relays.active_low"), 0), "the firmware still builds its relays active-low");

            first.Type("reboot");
            Assert.IsTrue(first.Controller.RebootRequested);
            ConsoleRig second = new ConsoleRig(store, 0);
            second.Ticks(1);
            Assert.AreEqual("on", Text(second.Controller, "relays.active_low"), "not in effect after the restart either");
            Assert.IsTrue(BootSettings.Read(store).Flag(BootSettings.Read(store).Require("relays.active_low"), 0));
            Assert.IsTrue(second.Controller.Status.Alarms.IsActive(AlarmCodes.HardwarePending, 0));
            Assert.IsTrue(Has(second.Ask("hardware"), "hardware waiting relays.active_low on -> off\n  hardware confirm applies the waiting changes and restarts; hardware discard forgets them\n"));

            answer = second.Type("hardware confirm");
            Assert.IsTrue(Has(answer, "ok confirmed\n  restarting with the new hardware settings\n"), answer);
            Assert.IsTrue(Has(answer, "INFO alarm event code=setting_changed detail=\"relays.active_low on -> off by console (confirmed)\""), answer);
            Assert.IsTrue(second.Controller.RebootRequested);
            Assert.AreEqual("off", Text(second.Controller, "relays.active_low"));
            Assert.IsFalse(second.Controller.Status.Alarms.IsActive(AlarmCodes.HardwarePending, 0));
            Assert.IsFalse(BootSettings.Read(store).Flag(BootSettings.Read(store).Require("relays.active_low"), 0), "saved before the restart");
            Assert.IsTrue(Has(Events(second.Controller), "relays.active_low on -> off by console (confirmed)"));

            ConsoleRig third = new ConsoleRig(store, 0);
            third.Ticks(1);
            Assert.AreEqual("off", Text(third.Controller, "relays.active_low"));
            Assert.AreEqual(0, third.Controller.Status.Changes.PendingHardwareCount);
            Assert.IsTrue(Has(third.Ask("hardware"), "no hardware change is waiting"));
        }

        [TestMethod]
        public void AWaitingHardwareChangeCanBeDiscardedAndSettingTheOldValueCancelsIt()
        {
            FakeSettingsStore store = new FakeSettingsStore();
            ConsoleRig first = new ConsoleRig(store, 0);
            first.Type("set zones 2");
            first.Type("set pins.fan_relay 19");
            Assert.AreEqual(2, first.Controller.Status.Changes.PendingHardwareCount);
            Assert.IsTrue(Has(first.Ask("set pins.fan_relay 33"), "no change waits: this is the value in effect"));
            Assert.AreEqual(1, first.Controller.Status.Changes.PendingHardwareCount);
            Assert.AreEqual("zones 1 -> 2", first.Controller.Status.Changes.PendingHardware(0));

            ConsoleRig second = new ConsoleRig(store, 0);
            Assert.IsTrue(Has(second.Ask("hardware discard"), "ok discarded"));
            Assert.AreEqual(0, second.Controller.Status.Changes.PendingHardwareCount);
            Assert.IsFalse(second.Controller.Status.Alarms.IsActive(AlarmCodes.HardwarePending, 0));
            Assert.AreEqual(1, second.Controller.Status.ZoneCount);
            ConsoleRig third = new ConsoleRig(store, 0);
            third.Ticks(1);
            Assert.AreEqual(0, third.Controller.Status.Changes.PendingHardwareCount);
            Assert.IsTrue(Has(third.Ask("hardware confirm"), "no hardware change is waiting"));
        }

        [TestMethod]
        public void ADeadBrokerOverMqttRevertsToTheWorkingOneAtTheEndOfTheTrial()
        {
            MqttRig rig = OnlineRig();
            int from = rig.Link.Count;
            string ack = rig.Send(rig.Base + "/config/mqtt.host/set", "127.0.0.2", false);
            Assert.IsTrue(Has(ack, "\"ok\":true,\"value\":\"127.0.0.2\",\"note\":\"on trial: kept once the controller is online on the broker with it within 1 min"), ack);
            Assert.IsTrue(rig.Controller.Status.Changes.TrialRunning);
            Assert.AreEqual("mqtt.host", rig.Controller.Status.Changes.TrialKeys);

            rig.Ticks(57);
            Assert.IsFalse(rig.Controller.Mqtt.SessionUp, "the dead broker never answers");
            Assert.AreEqual("127.0.0.2", Text(rig.Controller, "mqtt.host"), "still on trial");
            rig.Ticks(5);
            Assert.AreEqual("broker.local", Text(rig.Controller, "mqtt.host"), "the working broker is back at the end of the trial");
            Assert.IsFalse(rig.Controller.Status.Changes.TrialRunning);
            rig.Ticks(3);
            Assert.IsTrue(rig.Controller.Mqtt.SessionUp, "online again on the working broker");
            rig.Ticks(20); // the connect burst (settings, discovery, state) goes before the buffered alarm events

            string alarms = AlarmEvents(rig, from);
            Assert.IsTrue(Has(alarms, "{\"code\":\"setting_changed\",\"zone\":0,\"active\":false,\"event\":true,\"detail\":\"mqtt.host broker.local -> 127.0.0.2 by mqtt\""), alarms);
            Assert.IsTrue(Has(alarms, "\"detail\":\"mqtt.host 127.0.0.2 -> broker.local by trial\""), alarms);
            Assert.IsTrue(Has(alarms, "{\"code\":\"connection_trial_failed\",\"zone\":0,\"active\":false,\"event\":true,\"detail\":\"no broker session within 1 min with the new mqtt.host; the last working connection is back\""), alarms);
            string events = Events(rig.Controller);
            Assert.IsTrue(Has(events, "WARN alarm event code=connection_trial_failed"), events);
            Assert.IsTrue(Has(events, "INFO alarm event code=setting_changed detail=\"mqtt.host broker.local -> 127.0.0.2 by mqtt\""), events);
        }

        [TestMethod]
        public void AGoodNewBrokerPassesTheTrialAndSticksAcrossARestart()
        {
            MqttRig rig = OnlineRig();
            rig.Link.ReachableHost = null;
            int from = rig.Link.Count;
            rig.Send(rig.Base + "/config/mqtt.host/set", "broker2.local", false);
            rig.Ticks(3);
            Assert.IsTrue(rig.Controller.Mqtt.SessionUp);
            Assert.AreEqual("broker2.local", rig.Link.LastOptions.Host);
            Assert.IsFalse(rig.Controller.Status.Changes.TrialRunning);
            rig.Ticks(20);
            Assert.IsTrue(Has(AlarmEvents(rig, from), "{\"code\":\"connection_trial_passed\",\"zone\":0,\"active\":false,\"event\":true,\"detail\":\"online with the new mqtt.host\""));
            rig.Ticks(120);
            Assert.AreEqual("broker2.local", Text(rig.Controller, "mqtt.host"));

            Assert.IsTrue(rig.Controller.Persistence.SaveNow());
            rig.Build("1.2.3");
            rig.Controller.Start();
            rig.Ticks(120);
            Assert.AreEqual("broker2.local", Text(rig.Controller, "mqtt.host"));
            Assert.IsFalse(rig.Controller.Status.Changes.TrialRunning);
        }

        [TestMethod]
        public void ASessionTheBrokerMutesDoesNotPassTheTrial()
        {
            // A device id the broker's ACL does not know: the session comes up, but the device's own status never
            // comes back through the broker, so it is not online in any useful sense.
            MqttRig rig = OnlineRig();
            rig.Link.Echo = false;
            rig.Send(rig.Base + "/config/device.id/set", "gh-typo", false);
            rig.Ticks(3);
            Assert.IsTrue(rig.Controller.Mqtt.SessionUp);
            Assert.AreEqual("greenhouse/gh-typo", rig.Base);
            rig.Ticks(50);
            Assert.IsTrue(rig.Controller.Status.Changes.TrialRunning);
            rig.Link.Echo = true;
            rig.Ticks(15);
            Assert.AreEqual("", Text(rig.Controller, "device.id"), "back to the working device id");
            Assert.AreEqual("greenhouse/gh-a1b2c3", rig.Base);
            Assert.IsTrue(rig.Controller.Mqtt.OnlineWithCurrentSettings);
        }

        [TestMethod]
        public void ATrialCutByARestartResumesAndStillReverts()
        {
            MqttRig rig = OnlineRig();
            rig.Link.ReachableHost = "nowhere"; // nothing answers on port 1884
            rig.Send(rig.Base + "/config/mqtt.port/set", "1884", false);
            rig.Ticks(20);
            Assert.IsTrue(rig.Controller.Persistence.SaveNow());
            rig.Build("1.2.3");
            rig.Controller.Start();
            Assert.AreEqual("1884", Text(rig.Controller, "mqtt.port"), "the stored value is on trial again");
            Assert.IsTrue(rig.Controller.Status.Changes.TrialRunning);
            rig.Ticks(55);
            Assert.AreEqual("1884", Text(rig.Controller, "mqtt.port"));
            rig.Ticks(7);
            Assert.AreEqual("1883", Text(rig.Controller, "mqtt.port"));
            rig.Link.ReachableHost = "broker.local";
            rig.Ticks(10);
            Assert.IsTrue(rig.Controller.Mqtt.SessionUp);
            Assert.AreEqual(1883, rig.Link.LastOptions.Port);
        }

        [TestMethod]
        public void TheConsoleCanSkipOrEndATrial()
        {
            MqttRig rig = OnlineRig();
            string answer = Console(rig, "set mqtt.host 127.0.0.3");
            Assert.IsTrue(Has(answer, "ok mqtt.host=127.0.0.3\n  on trial: kept once the controller is online"), answer);
            Assert.IsTrue(Has(Console(rig, "status"), "trial keys=mqtt.host left="));
            answer = Console(rig, "trial keep");
            Assert.IsTrue(Has(answer, "ok kept\n  the values on trial are now the working connection (mqtt.host)\n"), answer);
            rig.Ticks(120);
            Assert.AreEqual("127.0.0.3", Text(rig.Controller, "mqtt.host"), "kept: no revert");
            Assert.IsTrue(Has(Console(rig, "trial"), "no connection change is on trial"));

            Console(rig, "mqtt 127.0.0.4 1885");
            Assert.AreEqual("mqtt.port, mqtt.host", rig.Controller.Status.Changes.TrialKeys);
            answer = Console(rig, "trial revert");
            Assert.IsTrue(Has(answer, "ok reverted"), answer);
            Assert.AreEqual("127.0.0.3", Text(rig.Controller, "mqtt.host"));
            Assert.AreEqual("1883", Text(rig.Controller, "mqtt.port"));
        }

        [TestMethod]
        public void ASecretChangeIsAnEventWithTheValuesMasked()
        {
            MqttRig rig = OnlineRig();
            int from = rig.Link.Count;
            rig.Send(rig.Base + "/config/mqtt.password/set", "Sup3r-Secret-9", false);
            rig.Ticks(25);
            string alarms = AlarmEvents(rig, from);
            Assert.IsTrue(Has(alarms, "\"detail\":\"mqtt.password (empty) -> *** by mqtt\""), alarms);
            for (int i = from; i < rig.Link.Count; i++)
            {
                Assert.IsFalse(Has(rig.Link.PayloadText(i), "Sup3r-Secret-9"), rig.Link.TopicAt(i));
            }

            Assert.IsFalse(Has(Events(rig.Controller), "Sup3r-Secret-9"));
        }

        [TestMethod]
        public void ADeviceSettingChangedRemotelyIsAnEventAndAZoneSettingIsNot()
        {
            MqttRig rig = OnlineRig();
            int from = rig.Link.Count;
            string ack = rig.Send(rig.Base + "/config/lockout.high_c/set", "30", false);
            Assert.IsTrue(Has(ack, "\"ok\":true"), ack);
            ack = rig.Send(rig.Base + "/config/net.trial_min/set", "10", false);
            Assert.IsTrue(Has(ack, "\"ok\":true"), ack);
            ack = rig.Send(rig.Base + "/zone/1/target_rh/set", "85", false);
            Assert.IsTrue(Has(ack, "\"ok\":true"), ack);
            rig.Send(rig.Base + "/config/lockout.high_c/set", "30", false); // the value in effect: nothing moved
            rig.Ticks(25);

            string alarms = AlarmEvents(rig, from);
            Assert.IsTrue(Has(alarms, "{\"code\":\"setting_changed\",\"zone\":0,\"active\":false,\"event\":true,\"detail\":\"lockout.high_c 28 -> 30 by mqtt\""), alarms);
            Assert.IsTrue(Has(alarms, "\"detail\":\"net.trial_min 1 -> 10 by mqtt\""), alarms);
            Assert.IsFalse(Has(alarms, "target_rh"), alarms);
            Assert.AreEqual(alarms.IndexOf("lockout.high_c"), alarms.LastIndexOf("lockout.high_c"), alarms);
            string events = Events(rig.Controller);
            Assert.IsTrue(Has(events, "INFO alarm event code=setting_changed detail=\"lockout.high_c 28 -> 30 by mqtt\""), events);
            Assert.IsFalse(Has(events, "setting_changed detail=\"zone1.target_rh"), events);
            Assert.IsTrue(Has(events, "settings changed key=zone1.target_rh value=85 source=mqtt"), "the zone setting is journalled as before");
        }

        [TestMethod]
        public void EveryRelayIsDrivenOffBeforeTheFirstDecisionOfEveryBoot()
        {
            ConsoleRig rig = new ConsoleRig();
            for (int boot = 0; boot < 4; boot++)
            {
                // Whatever the relays were left at (a soft restart keeps the outputs), the new core writes "off" to
                // each of them in Start, before it decides anything.
                rig.Pump.Set(true);
                rig.Fan.Set(true);
                rig.Valve1.Set(true);
                rig.Valve2.Set(true);
                int pumpWrites = rig.Pump.Writes;
                int valveWrites = rig.Valve1.Writes;
                Controller controller = rig.Build("test-1.0");
                Assert.AreEqual(pumpWrites, rig.Pump.Writes, "building the controller touches no relay");
                if (boot % 2 == 0)
                {
                    controller.Start();
                }
                else
                {
                    rig.Clock.Advance(1000);
                    controller.Tick(); // a tick without Start starts first
                }

                Assert.IsFalse(rig.Pump.Energised);
                Assert.IsFalse(rig.Fan.Energised);
                Assert.IsFalse(rig.Valve1.Energised);
                Assert.IsFalse(rig.Valve2.Energised);
                Assert.IsTrue(rig.Pump.Writes > pumpWrites);
                Assert.IsTrue(rig.Valve1.Writes > valveWrites);
                if (boot == 0)
                {
                    // The humidity program, stored for the next boots: the film program waters a dry film at the
                    // first tick, which would be a decision, not what the boot left on.
                    controller.Commands.ApplySetting("zone1.film", "off", "test");
                    controller.Commands.ApplySetting("zone2.film", "off", "test");
                }

                rig.Ticks(30);
            }
        }
    }
}
