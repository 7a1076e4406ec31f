namespace ChargeWatch.Simulator.Physics.Appliances;

/// <summary>
/// The draws that make one appliance: what it is (its size, its power factor) from the household's
/// stream, when and how long it runs from the day's. The two streams advance together, call for call,
/// so an appliance's size is drawn where it is drawn on the household's own night whatever the day
/// does (up to the first loop the day runs longer or shorter). With one stream for both — a night on
/// its own — every value comes from it in the order it always did.
/// </summary>
internal sealed class ApplianceDraws(SimRandom household, SimRandom day)
{
    private readonly bool _oneStream = ReferenceEquals(household, day);

    /// <summary>A property of the appliance.</summary>
    public double Own(double min, double max) => Keep(household.Uniform(min, max), day);

    /// <summary>A property of the appliance.</summary>
    public int OwnBetween(int min, int max) => Keep(household.Between(min, max), day);

    /// <summary>How the day uses it.</summary>
    public double Use(double min, double max) => Keep(day.Uniform(min, max), household);

    /// <summary>How the day uses it.</summary>
    public int UseBetween(int min, int max) => Keep(day.Between(min, max), household);

    /// <summary>How the day uses it.</summary>
    public bool UseChance(double probability) => Keep(day.Chance(probability), household);

    /// <summary>The seed of the day's flicker.</summary>
    public ulong UseSeed() => Keep(day.NextUInt64(), household);

    // Every draw of SimRandom takes one 64-bit value: the other stream skips one to stay in step.
    private T Keep<T>(T value, SimRandom other)
    {
        if (!_oneStream)
        {
            other.NextUInt64();
        }
        return value;
    }
}
