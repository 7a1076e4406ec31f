namespace ChargeWatch.Core.Rules.Flywire;

/// <summary>
/// The lowest power seen within a trailing event-time window, with the apparent power measured at
/// that same reading. Any appliance that switches off at least once within the window (refrigerator
/// compressors, kettles, cookers, thermostat-cycled heaters) vanishes from the floor; only loads that
/// stay on for the whole window lift it, which is exactly what a charger does and few others do.
/// A monotonic deque over a growable ring: amortised O(1) per reading, no allocation once warmed up.
/// </summary>
public sealed class RollingFloor
{
    private readonly long _windowTicks;
    private Entry[] _ring = new Entry[64];
    private int _head;
    private int _count;

    public RollingFloor(TimeSpan window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        _windowTicks = window.Ticks;
    }

    /// <summary>Power of the lowest reading in the window (W); 0 before the first reading.</summary>
    public double Watts => _count == 0 ? 0 : _ring[_head].Watts;

    /// <summary>Apparent power at the lowest reading (VA), when the meter reported a power factor.</summary>
    public double? VoltAmps => _count == 0 || double.IsNaN(_ring[_head].VoltAmps) ? null : _ring[_head].VoltAmps;

    /// <summary>Readings that may still become the minimum (0 when empty).</summary>
    public int Count => _count;

    /// <summary>Event time of the lowest reading.</summary>
    public long AtTicks => _count == 0 ? 0 : _ring[_head].Ticks;

    /// <summary>Event time of the oldest reading the window still covers; tells whether it is full.</summary>
    public long OldestTicks { get; private set; }

    public void Clear()
    {
        _head = 0;
        _count = 0;
        OldestTicks = 0;
    }

    public void Add(long ticks, double watts, double? voltAmps)
    {
        if (_count == 0 && OldestTicks == 0)
        {
            OldestTicks = ticks;
        }
        // Readings that can never again be the minimum leave from the back.
        while (_count > 0 && _ring[Index(_count - 1)].Watts >= watts)
        {
            _count--;
        }
        if (_count == _ring.Length)
        {
            Grow();
        }
        _ring[Index(_count)] = new Entry(ticks, watts, voltAmps ?? double.NaN);
        _count++;
        var cutoff = ticks - _windowTicks;
        while (_count > 1 && _ring[_head].Ticks < cutoff)
        {
            _head = (_head + 1) % _ring.Length;
            _count--;
        }
        if (OldestTicks < cutoff)
        {
            OldestTicks = cutoff;
        }
    }

    private int Index(int offset) => (_head + offset) % _ring.Length;

    private void Grow()
    {
        var bigger = new Entry[_ring.Length * 2];
        for (var i = 0; i < _count; i++)
        {
            bigger[i] = _ring[Index(i)];
        }
        _ring = bigger;
        _head = 0;
    }

    private readonly record struct Entry(long Ticks, double Watts, double VoltAmps);
}
