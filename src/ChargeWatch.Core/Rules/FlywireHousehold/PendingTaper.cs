namespace ChargeWatch.Core.Rules.FlywireHousehold;

/// <summary>
/// A floor taper seen on a meter with a power factor, waiting to be seen going on. A charger's
/// constant-voltage decay keeps falling; the falls that only look like one — a laptop switched off,
/// then lights and a television's flicker setting new lows — stop. Confirmed when, within a few
/// minutes, the floor or the step-free level (which a refrigerator run switched on meanwhile does not
/// hold up) has fallen by a further share of the load; given up when it has not.
/// </summary>
internal sealed class PendingTaper(TimeSpan confirmAfter, double confirmShare)
{
    // A fall that has not gone on within this many confirmation periods is not a taper.
    private const double GiveUpAfterPeriods = 2.5;
    private long _seenTicks;
    private double _floor;
    private double _stepFree;
    private double _need;

    public bool IsPending { get; private set; }

    public double PlateauWatts { get; private set; }

    public long PlateauFromTicks { get; private set; }

    /// <summary>The power factor of the switch-on behind the taper (null without one).</summary>
    public double? Backing { get; private set; }

    public void Start(long ticks, double floor, double stepFree, double low, double plateauWatts, long plateauFromTicks, double? backing)
    {
        IsPending = true;
        _seenTicks = ticks;
        _floor = floor;
        _stepFree = stepFree;
        _need = confirmShare * Math.Max(0, floor - low);
        PlateauWatts = plateauWatts;
        PlateauFromTicks = plateauFromTicks;
        Backing = backing;
    }

    /// <summary>True once the fall has gone on; false while waiting or after giving up (then no longer pending).</summary>
    public bool Confirmed(long ticks, double floor, double stepFree)
    {
        if (!IsPending || ticks - _seenTicks < confirmAfter.Ticks)
        {
            return false;
        }
        if (floor <= _floor - _need || stepFree <= _stepFree - _need)
        {
            IsPending = false;
            return true;
        }
        if (ticks - _seenTicks > GiveUpAfterPeriods * confirmAfter.Ticks)
        {
            IsPending = false;
        }
        return false;
    }

    public void Clear() => IsPending = false;
}
