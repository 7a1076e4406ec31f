namespace ChargeWatch.Core.Readings;

/// <summary>
/// Per-device memory of the newest reading, to recognise duplicates (same <c>seq</c>, else same
/// <c>ts</c>) and late readings. A device that restarts its <c>seq</c> from a lower number with a
/// newer <c>ts</c> is accepted: event time decides, <c>seq</c> only identifies.
/// </summary>
public struct DeviceSequence
{
    private long _newestTicks;
    private long? _newestSeq;
    private bool _seen;

    public readonly DateTimeOffset? Newest => _seen ? new DateTimeOffset(_newestTicks, TimeSpan.Zero) : null;

    public ReadingOrder Classify(DateTimeOffset timestamp, long? seq)
    {
        var ticks = timestamp.UtcTicks;
        if (!_seen)
        {
            Accept(ticks, seq);
            return ReadingOrder.InOrder;
        }
        if (seq is { } s && _newestSeq is { } newestSeq && s == newestSeq)
        {
            return ReadingOrder.Duplicate;
        }
        if (ticks == _newestTicks)
        {
            return ReadingOrder.Duplicate;
        }
        if (ticks < _newestTicks)
        {
            return ReadingOrder.Late;
        }
        Accept(ticks, seq);
        return ReadingOrder.InOrder;
    }

    private void Accept(long ticks, long? seq)
    {
        _seen = true;
        _newestTicks = ticks;
        _newestSeq = seq;
    }
}
