using System.Threading.Channels;

namespace ChargeWatch.Worker.Storage;

/// <summary>
/// Points outside the acknowledged data path (alert points, the service's counters): a bounded
/// queue the writer serves between data batches. When it is full (InfluxDB down and the spool
/// full), the newest side point is dropped with a log line rather than blocking an engine.
/// </summary>
public sealed class SideWrites(ILogger<SideWrites> logger)
{
    private const int Capacity = 10_000;
    private readonly Channel<WriteBatch> _queue = Channel.CreateBounded<WriteBatch>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public ChannelReader<WriteBatch> Reader => _queue.Reader;

    public bool TryWrite(WriteBatch batch, string what)
    {
        if (_queue.Writer.TryWrite(batch))
        {
            return true;
        }
        logger.LogWarning("Side write queue full; dropped {What}", what);
        return false;
    }
}
