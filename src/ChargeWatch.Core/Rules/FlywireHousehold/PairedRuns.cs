namespace ChargeWatch.Core.Rules.FlywireHousehold;

/// <summary>
/// How long the loads seen switching on and off again stayed on, by size and reactive power: a
/// refrigerator's runs. Each refrigerator keeps its own run length (10–30 min, within a sixth from
/// run to run) and its own size and power factor, so a load of its size still on well past its
/// longest run, or a load unlike any refrigerator-length run, is not that refrigerator — evidence
/// the candidate model could otherwise only take from the contract's 30 minutes. Keeps the newest
/// few (docs/flywire.md, items 86 and 90).
/// </summary>
internal sealed class PairedRuns
{
    private const int Capacity = 16;
    private readonly double[] _watts = new double[Capacity];
    private readonly double[] _vars = new double[Capacity];
    private readonly long[] _durations = new long[Capacity];
    private int _count;
    private int _next;

    public void Add(double watts, double vars, long durationTicks)
    {
        _watts[_next] = watts;
        _vars[_next] = vars;
        _durations[_next] = durationTicks;
        _next = (_next + 1) % Capacity;
        _count = Math.Min(_count + 1, Capacity);
    }

    public void Clear() => (_count, _next) = (0, 0);

    /// <summary>The longest run of a load within <paramref name="share"/> of <paramref name="watts"/>; 0 when none was seen.</summary>
    public long LongestNear(double watts, double share)
    {
        var longest = 0L;
        for (var i = 0; i < _count; i++)
        {
            if (Math.Abs(_watts[i] - watts) <= share * watts && _durations[i] > longest)
            {
                longest = _durations[i];
            }
        }
        return longest;
    }

    /// <summary>How many runs lasted between the two lengths (a refrigerator's: 10–30 min).</summary>
    public int CountLasting(long minTicks, long maxTicks)
    {
        var count = 0;
        for (var i = 0; i < _count; i++)
        {
            count += _durations[i] >= minTicks && _durations[i] <= maxTicks ? 1 : 0;
        }
        return count;
    }

    /// <summary>
    /// How far the nearest run of such a length is from this load: the share its size differs by plus
    /// the difference in reactive power per watt; NaN when none was seen.
    /// </summary>
    public double NearestGap(double watts, double varsPerWatt, long minTicks, long maxTicks)
    {
        var nearest = double.NaN;
        for (var i = 0; i < _count; i++)
        {
            if (_durations[i] < minTicks || _durations[i] > maxTicks)
            {
                continue;
            }
            var ratioGap = double.IsNaN(_vars[i]) || double.IsNaN(varsPerWatt) ? 0 : Math.Abs((_vars[i] / _watts[i]) - varsPerWatt);
            var gap = (Math.Abs(_watts[i] - watts) / watts) + ratioGap;
            nearest = double.IsNaN(nearest) || gap < nearest ? gap : nearest;
        }
        return nearest;
    }
}
