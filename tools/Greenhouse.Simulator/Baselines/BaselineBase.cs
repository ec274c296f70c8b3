namespace Greenhouse.Simulator.Baselines;

/// <summary>
/// Common shape of the baselines: one output per zone switching pump and valve together, no vent, no
/// temperature lockout and no alarms (the real devices have none).
/// </summary>
public abstract class BaselineBase : ISimController
{
    public abstract string Name { get; }
    public int AlarmCount => 0;
    public long LastStepAllocatedBytes { get; private set; }

    public virtual void Start(SimWorld world)
    {
    }

    public void Step(SimWorld world, SimOutputs outputs)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        bool any = false;
        for (int z = 0; z < world.ZoneCount; z++)
        {
            bool on = ZoneOn(world, z);
            outputs.ValveOpen[z] = on;
            any |= on;
        }

        outputs.Pump = any;
        outputs.Vent = false;
        LastStepAllocatedBytes = GC.GetAllocatedBytesForCurrentThread() - before;
    }

    /// <summary>Whether the zone's mist should run for the next second.</summary>
    protected abstract bool ZoneOn(SimWorld world, int zone);
}
