using System.Threading.Channels;
using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Parsing;
using ChargeWatch.Core.Points;
using ChargeWatch.Core.Readings;
using ChargeWatch.Worker.Counters;
using ChargeWatch.Worker.DeadLetters;
using ChargeWatch.Worker.Ingest;
using ChargeWatch.Worker.Storage;

namespace ChargeWatch.Worker.Pipeline;

/// <summary>
/// The ingest thread: parses each received message, maps valid readings to points in the current
/// batch, dead-letters rejects, recognises duplicates and late readings, keeps the site
/// watermarks and posts readings, statuses and watermarks to the shards — all in receive order.
/// Every message joins the batch (with or without points) so that its acknowledgement follows the
/// durability of everything received before it.
/// A batch is handed to the writer when it is full, when its oldest message has waited the flush
/// interval, or — when no more input is waiting and the writer has nothing queued — once it is
/// ripe (its oldest message lingered a few tens of milliseconds): large batches under load, low
/// latency (and so fast acknowledgements) when quiet, and never a write per message.
/// </summary>
public sealed class IngestPipeline(
    TopicParser topics,
    TelemetryParser parser,
    ReadingPointMapper mapper,
    PointBatcher batcher,
    ShardRouter router,
    ShardSet shards,
    DeadLetterFile deadLetters,
    RejectLog rejectLog,
    ServiceCounters counters,
    TimeSpan maxClockAhead)
{
    // Poll for an idle writer this often while a batch waits; far below the flush interval.
    private static readonly TimeSpan IdlePoll = TimeSpan.FromMilliseconds(2);
    private readonly SiteWatermarks _watermarks = new();
    private readonly Dictionary<DeviceKey, DeviceSequence> _sequences = [];

    public async Task RunAsync(ChannelReader<IncomingMessage> input, Channel<WriteBatch> output, CancellationToken ct)
    {
        try
        {
            while (true)
            {
                while (input.TryRead(out var message))
                {
                    try
                    {
                        await ProcessAsync(message, ct);
                    }
                    finally
                    {
                        message.Release();
                    }
                    if (batcher.IsFull || batcher.IsDue)
                    {
                        await output.Writer.WriteAsync(batcher.Take(), ct);
                    }
                }

                // No input waiting right now.
                if (!batcher.IsEmpty)
                {
                    if (batcher.IsDue)
                    {
                        await output.Writer.WriteAsync(batcher.Take(), ct);
                    }
                    else if (batcher.IsRipe && output.Reader.Count == 0)
                    {
                        output.Writer.TryWrite(batcher.Take());
                    }
                }

                if (batcher.IsEmpty)
                {
                    if (!await input.WaitToReadAsync(ct))
                    {
                        break;
                    }
                }
                else
                {
                    // Unripe: sleep until it ripens (input wakes us earlier). Ripe: poll for an idle writer.
                    var wait = batcher.IsRipe ? IdlePoll : batcher.RipeIn!.Value;
                    wait = batcher.DueIn!.Value < wait ? batcher.DueIn.Value : wait;
                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                    timeout.CancelAfter(wait);
                    try
                    {
                        if (!await input.WaitToReadAsync(timeout.Token))
                        {
                            break;
                        }
                    }
                    catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                    {
                    }
                }
            }
            // Input completed (graceful shutdown): the last batch goes out too.
            if (!batcher.IsEmpty)
            {
                await output.Writer.WriteAsync(batcher.Take(), ct);
            }
        }
        finally
        {
            output.Writer.TryComplete();
        }
    }

    /// <summary>Handles one message; its points (if any) land in the current batch.</summary>
    public async ValueTask ProcessAsync(IncomingMessage message, CancellationToken ct)
    {
        if (!topics.TryParse(message.Topic, out var address) || address.Channel == ChargeWatch.Core.Contract.Channel.Command)
        {
            Reject(message, new ParseError(RejectReason.Unroutable, "topic"));
        }
        else if (message.WasTooLarge)
        {
            Reject(message, new ParseError(RejectReason.TooLarge));
        }
        else if (address.Channel == ChargeWatch.Core.Contract.Channel.Status)
        {
            if (StatusParser.TryParse(message.Payload, out var online, out var error))
            {
                var shard = router.ShardOf(address.Device);
                await shards.PostAsync(shard, ShardWork.ForStatus(address.Device, online), ct);
            }
            else
            {
                Reject(message, error);
            }
        }
        else if (parser.TryParse(address, message.Payload, out var reading, out var error))
        {
            if (IsFromTheFuture(reading, message))
            {
                Reject(message, new ParseError(RejectReason.InvalidTimestamp, "ts"));
            }
            else
            {
                await AcceptAsync(reading, ct);
            }
        }
        else
        {
            Reject(message, error);
        }
        batcher.MessageAdded(message.AckNumber);
    }

    private async ValueTask AcceptAsync(Reading reading, CancellationToken ct)
    {
        ref var sequence = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_sequences, reading.Device, out _);
        switch (sequence.Classify(reading.Timestamp, reading.Seq))
        {
            case ReadingOrder.Duplicate: counters.Duplicate(); break;
            case ReadingOrder.Late: counters.LateReading(); break;
        }
        // Duplicates are written again on purpose: the same point overwrites itself, and a
        // redelivery after a crash may be the only copy that reaches InfluxDB.
        mapper.Append(reading, batcher.Lines);
        var shard = router.ShardOf(reading.Device);
        await shards.PostAsync(shard, ShardWork.ForReading(reading), ct);
        if (_watermarks.Advance(reading.Site, reading.Timestamp, out var watermark))
        {
            await shards.BroadcastAsync(ShardWork.ForWatermark(reading.Site, watermark), ct);
        }
    }

    // Event time drives detection, but a clock far ahead of the arrival time is a device fault
    // that would corrupt the site's watermark; wall time is read once, at receipt.
    private bool IsFromTheFuture(Reading reading, IncomingMessage message) =>
        maxClockAhead > TimeSpan.Zero && reading.Timestamp - message.ReceivedAt > maxClockAhead;

    private void Reject(IncomingMessage message, ParseError error)
    {
        counters.MessageRejected(error.Reason);
        rejectLog.Rejected(message.Topic, error);
        deadLetters.Append(message.Topic, error, message.Payload, message.Length, message.ReceivedAt);
    }
}
