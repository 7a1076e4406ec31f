using System.Runtime.CompilerServices;

namespace ChargeWatch.Core.Detection;

/// <summary>
/// A device's usual reporting interval: the median of its last seven gaps between in-order readings.
/// A median ignores the odd long gap (an outage) yet follows a device that changes its interval for
/// good within four readings. Fixed size, no allocation.
/// </summary>
public struct UsualInterval
{
    private const int Capacity = 7;
    private GapRing _gaps;
    private int _count;
    private int _next;

    /// <summary>Number of gaps observed so far (at most seven are kept).</summary>
    public readonly int Samples => _count;

    /// <summary>The median of the recent gaps, or null before the second reading.</summary>
    public readonly TimeSpan? Median
    {
        get
        {
            if (_count == 0)
            {
                return null;
            }
            Span<int> sorted = stackalloc int[Capacity];
            for (var i = 0; i < _count; i++)
            {
                sorted[i] = _gaps[i];
            }
            sorted = sorted[.._count];
            sorted.Sort();
            return TimeSpan.FromMilliseconds(sorted[_count / 2]);
        }
    }

    public void Observe(TimeSpan gap)
    {
        var ms = (int)Math.Clamp(gap.TotalMilliseconds, 0, int.MaxValue);
        _gaps[_next] = ms;
        _next = (_next + 1) % Capacity;
        if (_count < Capacity)
        {
            _count++;
        }
    }

    [InlineArray(Capacity)]
    private struct GapRing
    {
        private int _element;
    }
}
