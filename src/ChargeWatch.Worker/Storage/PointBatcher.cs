using ChargeWatch.Core.Points;

namespace ChargeWatch.Worker.Storage;

/// <summary>
/// Collects the points of consecutive messages into one batch, bounded by line count
/// (<c>Influx:BatchSize</c>) and by the age of its oldest message (<c>Influx:FlushIntervalMs</c>).
/// Messages without points (rejects, status) ride along so their acknowledgement keeps its place in
/// receive order. Not thread-safe: owned by the pipeline thread.
/// A batch is <see cref="IsRipe"/> for an idle writer once its oldest message has lingered a short
/// while (<see cref="DefaultLinger"/>, never more than the flush interval): without that, a quiet
/// writer took every message or two as a write of its own, and per-write costs (HTTP, InfluxDB's
/// own per-request work) dominated both processes' CPU.
/// </summary>
public sealed class PointBatcher(int batchSize, TimeSpan flushInterval, TimeProvider time, TimeSpan? linger = null)
{
    /// <summary>How long a batch waits for company before an idle writer takes it: a small delay of storage and acknowledgement.</summary>
    public static readonly TimeSpan DefaultLinger = TimeSpan.FromMilliseconds(50);

    private readonly TimeSpan _linger = (linger ?? DefaultLinger) < flushInterval ? linger ?? DefaultLinger : flushInterval;
    private long _openedAt;
    private long _ackThrough;
    private int _messages;

    /// <summary>Where the mapper appends the points of the current message.</summary>
    public LineProtocolBuffer Lines { get; } = new(capacity: 256 * 1024);

    public int MessageCount => _messages;

    public bool IsEmpty => _messages == 0;

    public bool IsFull => Lines.LineCount >= batchSize;

    /// <summary>The oldest message has waited the flush interval.</summary>
    public bool IsDue => !IsEmpty && time.GetElapsedTime(_openedAt) >= flushInterval;

    /// <summary>Worth a write when the writer is idle: full, or its oldest message has lingered.</summary>
    public bool IsRipe => !IsEmpty && (IsFull || time.GetElapsedTime(_openedAt) >= _linger);

    /// <summary>Time left until <see cref="IsDue"/>; null while empty.</summary>
    public TimeSpan? DueIn => Left(flushInterval);

    /// <summary>Time left until <see cref="IsRipe"/> by age; null while empty.</summary>
    public TimeSpan? RipeIn => Left(_linger);

    private TimeSpan? Left(TimeSpan age)
    {
        if (IsEmpty)
        {
            return null;
        }
        var left = age - time.GetElapsedTime(_openedAt);
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    /// <summary>Records that message <paramref name="ackNumber"/> is in this batch (its points already appended to <see cref="Lines"/>).</summary>
    public void MessageAdded(long ackNumber)
    {
        if (_messages == 0)
        {
            _openedAt = time.GetTimestamp();
        }
        _messages++;
        _ackThrough = ackNumber;
    }

    /// <summary>Hands out the batch and starts an empty one.</summary>
    public WriteBatch Take()
    {
        var batch = WriteBatch.Rent(Lines.AsSpan(), Lines.LineCount, _ackThrough);
        Lines.Clear();
        _messages = 0;
        return batch;
    }
}
