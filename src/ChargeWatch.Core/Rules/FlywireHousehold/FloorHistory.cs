namespace ChargeWatch.Core.Rules.FlywireHousehold;

/// <summary>
/// The meter's floors — real and reactive, with and without the big appliances — as they were minute by
/// minute over the last hour and a half, so that they can be compared with what they were a while ago.
/// Fixed ring of one-minute buckets: no allocation, O(1) per reading.
/// </summary>
internal sealed class FloorHistory
{
    private const int Buckets = 90;
    private static readonly long BucketTicks = TimeSpan.TicksPerMinute;
    // A reading up to this far from the asked time stands for it (meters report every 1 s to 5 min).
    private static readonly long Tolerance = 3 * BucketTicks;
    private readonly long[] _ticks = new long[Buckets];
    private readonly double[] _watts = new double[Buckets];
    private readonly double[] _vars = new double[Buckets];
    private readonly double[] _residualWatts = new double[Buckets];
    private readonly double[] _residualVars = new double[Buckets];
    private readonly double[] _ratioBlindVars = new double[Buckets];

    public static TimeSpan Span => TimeSpan.FromTicks((Buckets - 3) * BucketTicks);

    public void Clear() => Array.Clear(_ticks);

    public void Record(long ticks, in Floors floors)
    {
        var i = Index(ticks);
        _ticks[i] = ticks;
        _watts[i] = floors.Watts;
        _vars[i] = floors.Vars;
        _residualWatts[i] = floors.ResidualWatts;
        _residualVars[i] = floors.ResidualVars;
        _ratioBlindVars[i] = floors.RatioBlindVars;
    }

    /// <summary>The floors recorded in the minute of <paramref name="ticks"/>; false when none was (a gap, or too long ago).</summary>
    public bool TryAt(long ticks, out Floors floors)
    {
        var i = Index(ticks);
        floors = new Floors(_watts[i], _vars[i], _residualWatts[i], _residualVars[i], _ratioBlindVars[i]);
        return _ticks[i] != 0 && Math.Abs(_ticks[i] - ticks) <= Tolerance;
    }

    /// <summary>The first minute from <paramref name="fromTicks"/> to <paramref name="toTicks"/> whose floor reached <paramref name="watts"/> (<paramref name="toTicks"/> if none did).</summary>
    public long FirstReaching(long fromTicks, long toTicks, double watts)
    {
        for (var t = fromTicks; t < toTicks; t += BucketTicks)
        {
            var i = Index(t);
            if (_ticks[i] != 0 && Math.Abs(_ticks[i] - t) <= Tolerance && _watts[i] >= watts)
            {
                return _ticks[i];
            }
        }
        return toTicks;
    }

    private static int Index(long ticks) => (int)(ticks / BucketTicks % Buckets);

    /// <summary>
    /// The floors at one time (W and var; NaN where unknown); <see cref="RatioBlindVars"/> is the floor
    /// of the residual's reactive power less the big appliances' ratio times its real power.
    /// </summary>
    public readonly record struct Floors(double Watts, double Vars, double ResidualWatts, double ResidualVars, double RatioBlindVars);
}
