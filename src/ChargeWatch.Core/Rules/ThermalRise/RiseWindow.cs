namespace ChargeWatch.Core.Rules.ThermalRise;

/// <summary>
/// The lowest temperature of the last window, as a monotonic queue: each sample stays only while
/// no later sample is lower, so the front is the window's minimum. Capacity is fixed (16): when a
/// steady rise sampled faster than window/16 fills it, the second-oldest sample is dropped, which
/// keeps the minimum and only makes the window's later minima slightly coarser.
/// </summary>
internal sealed class RiseWindow
{
    private const int Capacity = 16;
    private readonly long[] _ticks = new long[Capacity];
    private readonly float[] _temps = new float[Capacity];
    private int _start;
    private int _count;

    /// <summary>Adds a sample, forgets those older than the window, and returns the rise over the window's minimum.</summary>
    public double Add(DateTimeOffset at, double tempC, TimeSpan window)
    {
        var now = at.UtcTicks;
        var value = (float)tempC;
        while (_count > 0 && _temps[Index(_count - 1)] >= value)
        {
            _count--;
        }
        if (_count == Capacity)
        {
            for (var i = 1; i < _count - 1; i++)
            {
                _ticks[Index(i)] = _ticks[Index(i + 1)];
                _temps[Index(i)] = _temps[Index(i + 1)];
            }
            _count--;
        }
        _ticks[Index(_count)] = now;
        _temps[Index(_count)] = value;
        _count++;
        var oldest = now - window.Ticks;
        while (_ticks[_start] < oldest)
        {
            _start = (_start + 1) % Capacity;
            _count--;
        }
        return tempC - _temps[_start];
    }

    private int Index(int i) => (_start + i) % Capacity;
}
