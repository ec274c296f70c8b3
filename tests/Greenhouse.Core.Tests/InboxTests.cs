using System.Threading;
using Greenhouse.App;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Greenhouse.Tests
{
    [TestClass]
    public class InboxTests
    {
        [TestMethod]
        public void MessagesFromManyThreadsAreAllDeliveredOrCountedAsDropped()
        {
            Inbox inbox = new Inbox();
            int taken = 0;
            const int PerThread = 2000;
            Thread[] writers = new Thread[4];
            for (int t = 0; t < writers.Length; t++)
            {
                writers[t] = new Thread(() =>
                {
                    for (int i = 0; i < PerThread; i++)
                    {
                        inbox.PostConsoleLine("x");
                    }
                });
                writers[t].Start();
            }

            bool running = true;
            while (running)
            {
                running = false;
                foreach (Thread w in writers)
                {
                    running |= w.IsAlive;
                }

                while (inbox.Take() != null)
                {
                    taken++;
                }
            }

            while (inbox.Take() != null)
            {
                taken++;
            }

            Assert.AreEqual(writers.Length * PerThread, taken + inbox.Dropped);
        }

        [TestMethod]
        public void FullInboxDropsTheOldest()
        {
            Inbox inbox = new Inbox();
            for (int i = 0; i < Inbox.Capacity + 3; i++)
            {
                inbox.PostConsoleLine(i.ToString());
            }

            Assert.AreEqual(3, inbox.Dropped);
            Assert.AreEqual("3", inbox.Take().Text);
        }
    }
}
