namespace ChargeWatch.Worker.Storage;

/// <summary>
/// Line protocol for one write. <see cref="AckThrough"/> is the receive number of the last message
/// whose points it holds (0 for batches that acknowledge nothing: alerts, counters, spooled batches):
/// once the batch is durable, every message up to that number may be acknowledged.
/// </summary>
public sealed record WriteBatch(string Lines, int LineCount, long AckThrough)
{
    public static WriteBatch Empty(long ackThrough) => new(string.Empty, 0, ackThrough);

    public bool HasLines => LineCount > 0;
}
