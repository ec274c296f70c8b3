using Greenhouse.App;

namespace Greenhouse.Fleet;

/// <summary>
/// The house one fleet device controls: its sensors, relays and tank switch as the core's ports, and the physics that
/// moves when time passes. The fleet supplies the clock, the MQTT link, the settings store and the log; the simulator
/// supplies the house (its physical model, tools/Greenhouse.Simulator/Physics), so the fleet has no climate model of
/// its own.
/// </summary>
public interface IFleetHouse
{
    /// <summary>Puts the house's sensors, relays and tank switch into the controller's ports.</summary>
    void Fit(ControllerPorts ports);

    /// <summary>
    /// Advances air, bags and sensors to <paramref name="secondsFromStart"/> of the run with the relays as the last tick
    /// left them (called before each tick, from the one thread that ticks this device).
    /// </summary>
    void AdvanceTo(double secondsFromStart);
}

/// <summary>The houses of one generator process (built once per process from the run's options).</summary>
public interface IFleetHouses
{
    /// <summary>The house of device <paramref name="deviceIndex"/> (0-based over the whole fleet).</summary>
    IFleetHouse Build(int deviceIndex);

    /// <summary>UTC at the start of the run (the devices' wall clock starts here and runs at real time).</summary>
    DateTime StartUtc { get; }
}
