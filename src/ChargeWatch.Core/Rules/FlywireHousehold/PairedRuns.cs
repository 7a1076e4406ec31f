namespace ChargeWatch.Core.Rules.FlywireHousehold;

/// <summary>
/// How long the loads seen switching on and off again stayed on, by size: a refrigerator's runs.
/// Each refrigerator keeps its own run length (10–30 min, within a sixth from run to run), so a
/// load of its size still on well past its longest run is not that refrigerator — evidence the
/// candidate model could otherwise only take from the contract's 30 minutes. Keeps the newest few.
/// A feature of the questions the harness collects; the shipped trees do not read it yet
/// (docs/flywire.md, item 86).
/// </summary>
internal sealed class PairedRuns
{
    private const int Capacity = 16;
    private readonly double[] _watts = new double[Capacity];
    private readonly long[] _durations = new long[Capacity];
    private int _count;
    private int _next;

    public void Add(double watts, long durationTicks)
    {
        _watts[_next] = watts;
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
}
