namespace ChargeWatch.Core.Rules.FlywireHousehold;

/// <summary>
/// The lowest reading of each of the last 90 minutes — real power, and real and reactive power
/// without the big appliances — so that the low of any stretch can be read back: since a load
/// switched on against the quarter hour before it, or the last 20 minutes against the 20 before.
/// Unlike the floors, whose window is fixed at 37 minutes, a stretch can start where the load did,
/// which tells a load that has stayed on for 20 minutes from one that came and went long before the
/// floors' window has passed over it. Fixed ring of one-minute buckets: no allocation, O(1) per
/// reading, a stretch read in at most 90 steps.
/// </summary>
internal sealed class MinuteLows
{
    private const int Buckets = 90;
    private static readonly long BucketTicks = TimeSpan.TicksPerMinute;
    // The minute each bucket holds; -1 for none (minute 0 is a minute).
    private readonly long[] _minute = [.. Enumerable.Repeat(-1L, Buckets)];
    private readonly double[] _watts = new double[Buckets];
    private readonly double[] _residualWatts = new double[Buckets];
    private readonly double[] _residualVars = new double[Buckets];

    public void Clear() => Array.Fill(_minute, -1);

    public void Record(long ticks, double watts, double residualWatts, double residualVars)
    {
        var minute = ticks / BucketTicks;
        var i = (int)(minute % Buckets);
        if (_minute[i] != minute)
        {
            _minute[i] = minute;
            _watts[i] = watts;
            _residualWatts[i] = residualWatts;
            _residualVars[i] = residualVars;
            return;
        }
        _watts[i] = Math.Min(_watts[i], watts);
        _residualWatts[i] = Math.Min(_residualWatts[i], residualWatts);
        // NaN (reactive power unknown at one reading) must not hide the others: Math.Min would keep it.
        _residualVars[i] = double.IsNaN(_residualVars[i]) ? residualVars : Math.Min(_residualVars[i], residualVars);
    }

    /// <summary>The lows of the minutes from <paramref name="fromTicks"/> to <paramref name="toTicks"/> (NaN where none was recorded).</summary>
    public Lows Between(long fromTicks, long toTicks)
    {
        var (watts, residualWatts, residualVars) = (double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity);
        var last = toTicks / BucketTicks;
        var minute = Math.Max(fromTicks / BucketTicks, last - Buckets + 1);
        // One division for the stretch, not one per minute.
        for (var i = (int)(minute % Buckets); minute <= last; minute++, i = i == Buckets - 1 ? 0 : i + 1)
        {
            if (_minute[i] != minute)
            {
                continue;
            }
            watts = Math.Min(watts, _watts[i]);
            residualWatts = Math.Min(residualWatts, _residualWatts[i]);
            residualVars = double.IsNaN(_residualVars[i]) ? residualVars : Math.Min(residualVars, _residualVars[i]);
        }
        return new Lows(NaNIfNone(watts), NaNIfNone(residualWatts), NaNIfNone(residualVars));
    }

    /// <summary>
    /// The first minute from <paramref name="fromTicks"/> on after which every minute's residual low
    /// stayed at or above <paramref name="residualWatts"/> (<paramref name="fromTicks"/> if all did).
    /// </summary>
    public long RisenSince(long fromTicks, long toTicks, double residualWatts)
    {
        var since = fromTicks;
        var last = toTicks / BucketTicks;
        var minute = Math.Max(fromTicks / BucketTicks, last - Buckets + 1);
        for (var i = (int)(minute % Buckets); minute <= last; minute++, i = i == Buckets - 1 ? 0 : i + 1)
        {
            if (_minute[i] == minute && _residualWatts[i] < residualWatts)
            {
                since = (minute + 1) * BucketTicks;
            }
        }
        return since;
    }

    private static double NaNIfNone(double low) => double.IsPositiveInfinity(low) ? double.NaN : low;

    /// <summary>The lows of a stretch: W, and W and var without the big appliances.</summary>
    public readonly record struct Lows(double Watts, double ResidualWatts, double ResidualVars);
}
