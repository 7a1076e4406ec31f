using System.Threading.Channels;
using ChargeWatch.Worker.Acks;
using ChargeWatch.Worker.Counters;
using Polly;

namespace ChargeWatch.Worker.Storage;

/// <summary>
/// The single writer: takes batches in order, writes them through the resilience pipeline, and
/// acknowledges their messages once they are durable. A batch InfluxDB cannot take now goes to
/// the disk spool (durable too); while the spool holds anything, new batches queue behind it so
/// InfluxDB receives batches in their original order. A batch InfluxDB refuses as malformed is set
/// aside and its messages acknowledged: retrying it would block everything behind it for ever.
/// </summary>
public sealed class InfluxWriter(
    IInfluxWriteClient client,
    ResiliencePipeline resilience,
    DiskSpool spool,
    RejectedBatchStore rejected,
    AckSequencer acks,
    ServiceCounters counters,
    TimeProvider time,
    ILogger<InfluxWriter> logger)
{
    private static readonly TimeSpan RetryPause = TimeSpan.FromSeconds(1);
    private bool _failing;
    private bool _spoolFullLogged;

    public async Task RunAsync(ChannelReader<WriteBatch> input, ChannelReader<WriteBatch>? side, CancellationToken ct)
    {
        counters.SetSpoolBytes(spool.Bytes);
        if (!spool.IsEmpty && logger.IsEnabled(LogLevel.Information))
        {
            var (batches, bytes) = (spool.Count, spool.Bytes);
            logger.LogInformation("Spool holds {Batches} batches ({Bytes} bytes) from before; draining them first", batches, bytes);
        }
        while (true)
        {
            if (!spool.IsEmpty)
            {
                await DrainSpoolAsync(ct);
            }
            // Side points (alerts, counters) a few at a time, so they never starve the data path.
            for (var i = 0; i < 64 && side is not null && side.TryRead(out var sideBatch); i++)
            {
                await HandleAsync(sideBatch, ct);
            }
            if (input.TryRead(out var batch))
            {
                await HandleAsync(batch, ct);
                continue;
            }
            if (input.Completion.IsCompleted)
            {
                while (side is not null && side.TryRead(out var last))
                {
                    await HandleAsync(last, ct);
                }
                return;
            }
            // Wait for either queue; wake up now and then to retry the spool even when nothing arrives.
            using var pause = CancellationTokenSource.CreateLinkedTokenSource(ct);
            if (!spool.IsEmpty)
            {
                pause.CancelAfter(RetryPause);
            }
            try
            {
                var waitInput = input.WaitToReadAsync(pause.Token).AsTask();
                if (side is null)
                {
                    await waitInput;
                }
                else
                {
                    await Task.WhenAny(waitInput, side.WaitToReadAsync(pause.Token).AsTask());
                    await pause.CancelAsync();
                }
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
            }
        }
    }

    /// <summary>Writes (or spools, or sets aside) one batch, then acknowledges its messages.</summary>
    public async Task HandleAsync(WriteBatch batch, CancellationToken ct)
    {
        if (batch.HasLines)
        {
            if (!spool.IsEmpty)
            {
                await SpoolAsync(batch, ct);
            }
            else
            {
                switch (await TryWriteAsync(batch, ct))
                {
                    case WriteOutcome.Written:
                        break;
                    case WriteOutcome.Transient:
                        await SpoolAsync(batch, ct);
                        break;
                    case WriteOutcome.Poison:
                        break;
                }
            }
        }
        // Written, spooled or set aside: nothing reads the lines any more. Not on the way out by an
        // exception (shutdown), where an HTTP send may still hold them; the array is then garbage.
        batch.Release();
        if (batch.AckThrough > 0)
        {
            await acks.CompleteThroughAsync(batch.AckThrough, ct);
        }
    }

    private async Task DrainSpoolAsync(CancellationToken ct)
    {
        while (spool.TryPeekOldest(out var batch))
        {
            var outcome = await TryWriteAsync(batch, ct);
            if (outcome == WriteOutcome.Transient)
            {
                return;
            }
            spool.RemoveOldest();
            counters.SetSpoolBytes(spool.Bytes);
            if (spool.IsEmpty)
            {
                logger.LogInformation("Spool drained");
                _spoolFullLogged = false;
            }
        }
    }

    private async Task SpoolAsync(WriteBatch batch, CancellationToken ct)
    {
        while (!spool.TryAppend(batch))
        {
            if (!_spoolFullLogged)
            {
                var bytes = spool.Bytes;
                logger.LogWarning("Spool full ({Bytes} bytes): no more acknowledgements until InfluxDB takes data again", bytes);
                _spoolFullLogged = true;
            }
            await DrainSpoolAsync(ct);
            if (spool.IsEmpty)
            {
                // InfluxDB is back: write directly, keeping order (the spool is empty).
                if (await TryWriteAsync(batch, ct) != WriteOutcome.Transient)
                {
                    return;
                }
                continue;
            }
            await Task.Delay(RetryPause, time, ct);
        }
        counters.SetSpoolBytes(spool.Bytes);
    }

    private async Task<WriteOutcome> TryWriteAsync(WriteBatch batch, CancellationToken ct)
    {
        try
        {
            await resilience.ExecuteAsync(static (state, token) => new ValueTask(state.client.WriteAsync(state.batch.Utf8, token)), (client, batch), ct);
            counters.PointsWrittenAdd(batch.LineCount);
            if (_failing)
            {
                _failing = false;
                logger.LogInformation("InfluxDB accepts writes again");
            }
            return WriteOutcome.Written;
        }
        catch (Exception e) when (WriteResilience.ShouldSpool(e))
        {
            counters.WriteFailed();
            if (!_failing)
            {
                _failing = true;
                logger.LogWarning("InfluxDB write failed, spooling until it is back: {Error}", e.Message);
            }
            return WriteOutcome.Transient;
        }
        catch (InfluxWriteException e) when (e.Kind == WriteFailureKind.Poison)
        {
            counters.WriteFailed();
            counters.BatchRejected();
            var path = rejected.SetAside(batch, e.Message);
            logger.LogError("InfluxDB refused a batch of {Lines} lines ({Error}); set aside as {Path}", batch.LineCount, e.Message, path);
            return WriteOutcome.Poison;
        }
    }

    private enum WriteOutcome
    {
        Written,
        Transient,
        Poison,
    }
}
