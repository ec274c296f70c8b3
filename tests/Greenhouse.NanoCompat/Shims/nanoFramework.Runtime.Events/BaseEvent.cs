// Compile-only shim, not deployed. Declares only members that exist upstream.
// Package: nanoFramework.Runtime.Events 1.11.37
// Upstream: nanoframework/nanoFramework.Runtime.Events@6dd93c1477be4198a087243e00abbb5680b059a3 nanoFramework.Runtime.Events/BaseEvent.cs
// Only BaseEvent (the base class of System.Device.Gpio.PinValueChangedEventArgs) is declared.
namespace nanoFramework.Runtime.Events
{
    public class BaseEvent
    {
        public ushort Source;
        public byte Message;
    }
}
