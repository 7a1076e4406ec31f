using System.Buffers;
using System.Threading.Channels;
using ChargeWatch.Core.Alerts;
using ChargeWatch.Core.Detection;
using ChargeWatch.Worker.Alerts;

namespace ChargeWatch.Worker.Pipeline;

/// <summary>
/// The detection shards: each a bounded queue and one loop that owns its engine, so rules need no
/// locks. Items reach a shard in the order the ingest thread posts them. An engine that throws
/// on one item is logged and kept running: data never stops the process.
/// Items travel in batches: a bounded channel takes a lock per item, and the ingest thread and each
/// shard met on that lock once per reading (a sixth of the worker's samples in a thread-time trace).
/// The ingest thread collects a shard's items and posts them when <see cref="BatchSize"/> are
/// waiting, and <see cref="FlushAsync"/> posts the rest whenever it runs out of input or may wait on
/// the writer, so a quiet stream still reaches its engine at once.
/// </summary>
public sealed class ShardSet(IDetectionEngineFactory factory, AlertDispatcher alerts, int shardCount, ILogger<ShardSet> logger)
{
    /// <summary>Items per batch at most.</summary>
    public const int BatchSize = 32;

    // A shard's backlog: 8,192 items in full batches (what it was item by item), 256 in a quiet
    // stream's batches of one.
    private const int QueueCapacity = 8192 / BatchSize;

    private readonly Channel<ShardBatch>[] _queues = [.. Enumerable.Range(0, shardCount).Select(_ =>
        Channel.CreateBounded<ShardBatch>(new BoundedChannelOptions(QueueCapacity) { SingleReader = true, SingleWriter = true }))];
    private readonly ShardWork[]?[] _pending = new ShardWork[]?[shardCount];
    private readonly int[] _pendingCount = new int[shardCount];
    private Task[] _loops = [];
    private CancellationToken _stop;

    public int Count => shardCount;

    public void Start(CancellationToken ct)
    {
        _stop = ct;
        _loops = [.. Enumerable.Range(0, shardCount).Select(i => Task.Run(() => RunShardAsync(i, factory.Create(i, shardCount), ct), CancellationToken.None))];
    }

    /// <summary>Queues an item for its shard; it is posted with the shard's next batch. Ingest thread only.</summary>
    public ValueTask PostAsync(int shard, ShardWork work, CancellationToken ct)
    {
        var pending = _pending[shard] ??= ArrayPool<ShardWork>.Shared.Rent(BatchSize);
        pending[_pendingCount[shard]++] = work;
        return _pendingCount[shard] == BatchSize ? SendAsync(shard, ct) : ValueTask.CompletedTask;
    }

    public async ValueTask BroadcastAsync(ShardWork work, CancellationToken ct)
    {
        for (var i = 0; i < shardCount; i++)
        {
            await PostAsync(i, work, ct);
        }
    }

    /// <summary>Posts every shard's waiting items. Ingest thread only.</summary>
    public async ValueTask FlushAsync(CancellationToken ct)
    {
        for (var i = 0; i < shardCount; i++)
        {
            if (_pendingCount[i] > 0)
            {
                await SendAsync(i, ct);
            }
        }
    }

    /// <summary>Posts what is waiting, lets the shards finish what is queued, then stop.</summary>
    public async Task CompleteAsync()
    {
        try
        {
            await FlushAsync(_stop);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // A hard stop: the shards no longer read, and what waited is not worth waiting for.
        }
        foreach (var queue in _queues)
        {
            queue.Writer.TryComplete();
        }
        await Task.WhenAll(_loops);
    }

    private ValueTask SendAsync(int shard, CancellationToken ct)
    {
        var batch = new ShardBatch(_pending[shard]!, _pendingCount[shard]);
        _pending[shard] = null;
        _pendingCount[shard] = 0;
        var writer = _queues[shard].Writer;
        return writer.TryWrite(batch) ? ValueTask.CompletedTask : writer.WriteAsync(batch, ct);
    }

    private async Task RunShardAsync(int shard, IDetectionEngine engine, CancellationToken ct)
    {
        var changes = new List<AlertMessage>();
        var failures = 0L;
        try
        {
            await foreach (var batch in _queues[shard].Reader.ReadAllAsync(ct))
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    changes.Clear();
                    try
                    {
                        Apply(engine, batch.Items[i], changes);
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
                // Cleared: the pool must not keep readings alive.
                ArrayPool<ShardWork>.Shared.Return(batch.Items, clearArray: true);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private static void Apply(IDetectionEngine engine, in ShardWork work, List<AlertMessage> changes)
    {
        if (work.Reading is { } reading)
        {
            engine.OnReading(reading, changes);
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

    private readonly record struct ShardBatch(ShardWork[] Items, int Count);
}
