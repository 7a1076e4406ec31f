namespace ChargeWatch.Core.Rules.FlywireHousehold;

/// <summary>
/// The readings since the last step, up to a few minutes of them: the level a step rose or fell
/// from is their mean. One reading carries a busy appliance's flicker — an air conditioner draws
/// within 4 % of its size from one second to the next, tens of watts — and a charger's step
/// measured from it comes out that much off in size and power factor. Fixed-size state.
/// </summary>
internal sealed class QuietStretch
{
    private const int Capacity = 10;
    private static readonly long MaxAgeTicks = TimeSpan.FromMinutes(5).Ticks;
    private readonly long[] _ticks = new long[Capacity];
    private readonly double[] _watts = new double[Capacity];
    private readonly double[] _vars = new double[Capacity];
    private int _next;
    private int _count;

    public void Clear() => _count = 0;

    public void Add(long ticks, double watts, double vars)
    {
        _ticks[_next] = ticks;
        _watts[_next] = watts;
        _vars[_next] = vars;
        _next = (_next + 1) % Capacity;
        _count = Math.Min(_count + 1, Capacity);
    }

    /// <summary>
    /// Mean real and reactive power of the stretch's readings no older than a few minutes before the
    /// newest; <paramref name="lastWatts"/> and <paramref name="lastVars"/> when it holds none.
    /// </summary>
    public (double Watts, double Vars) Mean(double lastWatts, double lastVars)
    {
        if (_count == 0)
        {
            return (lastWatts, lastVars);
        }
        var newest = _ticks[(_next - 1 + Capacity) % Capacity];
        double watts = 0, vars = 0;
        var n = 0;
        for (var i = 1; i <= _count; i++)
        {
            var k = (_next - i + Capacity) % Capacity;
            if (newest - _ticks[k] > MaxAgeTicks)
            {
                break;
            }
            watts += _watts[k];
            vars += _vars[k];
            n++;
        }
        return (watts / n, vars / n);
    }
}
