namespace ChargeWatch.Simulator.Physics;

/// <summary>
/// Something that draws power on a circuit. <c>seconds</c> counts from the circuit's epoch. A load
/// is a pure function of time (its randomness is drawn when it is built), so any sampling interval
/// and any replay give the same values.
/// </summary>
public interface ILoad
{
    /// <summary>What the load is, for ground truth and debugging: "fridge", "ebike-charger", …</summary>
    string Name { get; }

    LoadPower At(double seconds);
}
