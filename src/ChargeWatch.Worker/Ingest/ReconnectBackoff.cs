namespace ChargeWatch.Worker.Ingest;

/// <summary>
/// Exponential backoff with "equal jitter" for reconnect attempts: attempt n waits between half and
/// all of min(max, min·2ⁿ), so a fleet of workers does not reconnect in lockstep after a broker
/// restart, and the wait never grows past the maximum however long the broker stays away.
/// </summary>
public sealed class ReconnectBackoff(TimeSpan min, TimeSpan max, Random? random = null)
{
    private readonly Random _random = random ?? Random.Shared;
    private int _attempt;

    public int Attempt => _attempt;

    public TimeSpan Next()
    {
        var exponent = Math.Min(_attempt, 30);
        _attempt++;
        var ceiling = Math.Min(max.TotalMilliseconds, min.TotalMilliseconds * Math.Pow(2, exponent));
        return TimeSpan.FromMilliseconds((ceiling / 2) + (_random.NextDouble() * ceiling / 2));
    }

    public void Reset() => _attempt = 0;
}
