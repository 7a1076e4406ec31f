using System.Threading.Channels;
using ChargeWatch.Core.Alerts;
using ChargeWatch.Core.Detection;
using ChargeWatch.Worker.Alerts;

namespace ChargeWatch.Worker.Pipeline;

/// <summary>
/// The detection shards: each a bounded queue and one loop that owns its engine, so rules need no
/// locks. Items reach a shard in the order the ingest thread posts them, after a warm start's
/// stored readings, whose alert changes are held back and sent as net changes at the end of the
/// history. An engine that throws on one item is logged and kept running: data never stops the
/// process.
/// </summary>
public sealed class ShardSet(IDetectionEngineFactory factory, AlertDispatcher alerts, int shardCount, ILogger<ShardSet> logger)
{
    private const int QueueCapacity = 8192;
    private readonly Channel<ShardWork>[] _queues = [.. Enumerable.Range(0, shardCount).Select(_ =>
        Channel.CreateBounded<ShardWork>(new BoundedChannelOptions(QueueCapacity) { SingleReader = true, SingleWriter = true }))];
    private Task[] _loops = [];

    public int Count => shardCount;

    public void Start(CancellationToken ct) =>
        _loops = [.. Enumerable.Range(0, shardCount).Select(i => Task.Run(() => RunShardAsync(i, factory.Create(i, shardCount), ct), CancellationToken.None))];

    public ValueTask PostAsync(int shard, ShardWork work, CancellationToken ct)
    {
        var writer = _queues[shard].Writer;
        return writer.TryWrite(work) ? ValueTask.CompletedTask : writer.WriteAsync(work, ct);
    }

    public async ValueTask BroadcastAsync(ShardWork work, CancellationToken ct)
    {
        for (var i = 0; i < shardCount; i++)
        {
            await PostAsync(i, work, ct);
        }
    }

    /// <summary>Lets the shards finish what is queued, then stop.</summary>
    public Task CompleteAsync()
    {
        foreach (var queue in _queues)
        {
            queue.Writer.TryComplete();
        }
        return Task.WhenAll(_loops);
    }

    private async Task RunShardAsync(int shard, IDetectionEngine engine, CancellationToken ct)
    {
        var changes = new List<AlertMessage>();
        // A warm start's changes wait here for the end of the history (ShardWork.EndOfHistory).
        var replayed = new List<AlertMessage>();
        var failures = 0L;
        try
        {
            await foreach (var work in _queues[shard].Reader.ReadAllAsync(ct))
            {
                changes.Clear();
                try
                {
                    if (work.Reading is { } reading)
                    {
                        engine.OnReading(reading, work.History ? replayed : changes);
                    }
                    else if (work.History)
                    {
                        changes.AddRange(ReplayedAlerts.NetChanges(replayed));
                        replayed.Clear();
                    }
                    else if (work.Site is { } site)
                    {
                        engine.OnWatermark(site, work.Watermark, changes);
                    }
                    else
                    {
                        engine.OnStatus(work.Device, work.Online, changes);
                    }
                }
                catch (Exception e)
                {
                    if (failures++ % 1000 == 0)
                    {
                        logger.LogError(e, "Detection engine of shard {Shard} failed ({Failures} failures so far)", shard, failures);
                    }
                }
                foreach (var change in changes)
                {
                    await alerts.DispatchAsync(change, ct);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }
}
