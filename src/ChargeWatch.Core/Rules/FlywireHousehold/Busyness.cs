namespace ChargeWatch.Core.Rules.FlywireHousehold;

/// <summary>
/// Whether the meter is busy: many large reading-to-reading jumps within a few minutes, as a washing
/// machine's drum bursts make. While it is, a floor held up for a window says nothing about one
/// steady load. Fixed ring of jump times, O(1) per reading.
/// </summary>
internal sealed class Busyness(double jumpWatts, int jumps, TimeSpan within)
{
    private readonly long[] _jumpTicks = new long[jumps];
    private int _next;
    private double _lastWatts = double.NaN;

    /// <summary>Event time the meter was last found busy; 0 if never.</summary>
    public long BusyTicks { get; private set; }

    public void Add(long ticks, double watts)
    {
        if (!double.IsNaN(_lastWatts) && Math.Abs(watts - _lastWatts) >= jumpWatts)
        {
            // The slot about to be overwritten holds the jump that many jumps ago.
            if (ticks - _jumpTicks[_next] <= within.Ticks)
            {
                BusyTicks = ticks;
            }
            _jumpTicks[_next] = ticks;
            _next = (_next + 1) % _jumpTicks.Length;
        }
        _lastWatts = watts;
    }

    public void Clear()
    {
        Array.Clear(_jumpTicks);
        _lastWatts = double.NaN;
    }
}
