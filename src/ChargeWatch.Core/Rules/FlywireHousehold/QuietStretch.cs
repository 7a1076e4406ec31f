namespace ChargeWatch.Core.Rules.FlywireHousehold;

/// <summary>
/// The readings since the last step, up to a few minutes of them: the level a step rose or fell
/// from is their mean. One reading carries a busy appliance's flicker — an air conditioner draws
/// within 4 % of its size from one second to the next, tens of watts — and a charger's step
/// measured from it comes out that much off in size and power factor. Fixed-size state.
/// </summary>
internal sealed class QuietStretch
{
    private static readonly long MaxAgeTicks = TimeSpan.FromMinutes(5).Ticks;
    private readonly Ring<Reading> _readings = new(10);

    public void Clear() => _readings.Clear();

    public void Add(long ticks, double watts, double vars) => _readings.Add(new Reading(ticks, watts, vars));

    /// <summary>
    /// Mean real and reactive power of the stretch's readings no older than a few minutes before the
    /// newest; <paramref name="lastWatts"/> and <paramref name="lastVars"/> when it holds none.
    /// </summary>
    public (double Watts, double Vars) Mean(double lastWatts, double lastVars)
    {
        if (_readings.Count == 0)
        {
            return (lastWatts, lastVars);
        }
        var newest = _readings.Newest(0).Ticks;
        double watts = 0, vars = 0;
        var n = 0;
        for (; n < _readings.Count; n++)
        {
            ref readonly var reading = ref _readings.Newest(n);
            if (newest - reading.Ticks > MaxAgeTicks)
            {
                break;
            }
            watts += reading.Watts;
            vars += reading.Vars;
        }
        return (watts / n, vars / n);
    }

    private readonly record struct Reading(long Ticks, double Watts, double Vars);
}
