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
    private readonly Ring<Run> _runs = new(16);

    public void Add(double watts, double vars, long durationTicks) => _runs.Add(new Run(watts, vars, durationTicks));

    public void Clear() => _runs.Clear();

    /// <summary>The longest run of a load within <paramref name="share"/> of <paramref name="watts"/>; 0 when none was seen.</summary>
    public long LongestNear(double watts, double share)
    {
        var longest = 0L;
        for (var i = 0; i < _runs.Count; i++)
        {
            ref readonly var run = ref _runs.Newest(i);
            if (Math.Abs(run.Watts - watts) <= share * watts && run.DurationTicks > longest)
            {
                longest = run.DurationTicks;
            }
        }
        return longest;
    }

    /// <summary>How many runs lasted between the two lengths (a refrigerator's: 10–30 min).</summary>
    public int CountLasting(long minTicks, long maxTicks)
    {
        var count = 0;
        for (var i = 0; i < _runs.Count; i++)
        {
            count += _runs.Newest(i).Lasted(minTicks, maxTicks) ? 1 : 0;
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
        for (var i = 0; i < _runs.Count; i++)
        {
            ref readonly var run = ref _runs.Newest(i);
            if (!run.Lasted(minTicks, maxTicks))
            {
                continue;
            }
            var ratioGap = double.IsNaN(run.Vars) || double.IsNaN(varsPerWatt) ? 0 : Math.Abs((run.Vars / run.Watts) - varsPerWatt);
            var gap = (Math.Abs(run.Watts - watts) / watts) + ratioGap;
            nearest = double.IsNaN(nearest) || gap < nearest ? gap : nearest;
        }
        return nearest;
    }

    private readonly record struct Run(double Watts, double Vars, long DurationTicks)
    {
        public bool Lasted(long minTicks, long maxTicks) => DurationTicks >= minTicks && DurationTicks <= maxTicks;
    }
}
