namespace ChargeWatch.Core.Rules.FlywireHousehold;

/// <summary>
/// A tracked load's level over the last taper window, kept in fixed time buckets so that the
/// window's start and middle can be read at any reporting interval without per-reading allocation.
/// </summary>
internal sealed class LevelHistory
{
    private const int Buckets = 40;
    private readonly double[] _levels = new double[Buckets];
    private readonly long[] _ticks = new long[Buckets];
    private readonly long _bucketTicks;

    public LevelHistory(TimeSpan window)
    {
        // Twice the window, so the window's start is still held when it is read.
        _bucketTicks = Math.Max(1, window.Ticks * 2 / Buckets);
    }

    public void Clear() => Array.Clear(_ticks);

    public void Record(long ticks, double level)
    {
        var index = (int)(ticks / _bucketTicks % Buckets);
        _ticks[index] = ticks;
        _levels[index] = level;
    }

    /// <summary>The level last recorded at or before <paramref name="ticks"/> within the held span; null if unknown.</summary>
    public double? At(long ticks, long now)
    {
        double? best = null;
        long bestTicks = 0;
        for (var i = 0; i < Buckets; i++)
        {
            var t = _ticks[i];
            if (t != 0 && t <= ticks && t > bestTicks && now - t < _bucketTicks * Buckets)
            {
                bestTicks = t;
                best = _levels[i];
            }
        }
        // Too old a value would stand for a time the history no longer covers.
        return best is not null && ticks - bestTicks <= _bucketTicks * 4 ? best : null;
    }
}
