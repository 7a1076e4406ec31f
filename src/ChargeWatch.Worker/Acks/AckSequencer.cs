using System.Collections.Concurrent;

namespace ChargeWatch.Worker.Acks;

/// <summary>
/// Acknowledges messages strictly in receive order once they are durable. The receiver registers
/// each message with its receive number before handing it on; the writer reports "everything up to
/// number N is durable" (points accepted by InfluxDB, spooled, or the message dead-lettered), and the
/// sequencer then sends the PUBACKs of all registered messages up to N, oldest first.
/// One thread registers, one thread completes.
/// </summary>
public sealed class AckSequencer
{
    private readonly ConcurrentQueue<(long Number, IAckHandle Handle)> _pending = new();
    private long _nextNumber;
    private long _completedThrough;

    /// <summary>Messages registered and not yet acknowledged.</summary>
    public int PendingCount => _pending.Count;

    public long CompletedThrough => Volatile.Read(ref _completedThrough);

    /// <summary>Assigns the next receive number and remembers the message's ack.</summary>
    public long Register(IAckHandle handle)
    {
        var number = Interlocked.Increment(ref _nextNumber);
        _pending.Enqueue((number, handle));
        return number;
    }

    /// <summary>Everything up to <paramref name="number"/> is durable: acknowledge it in receive order.</summary>
    public async ValueTask CompleteThroughAsync(long number, CancellationToken ct)
    {
        if (number > Volatile.Read(ref _completedThrough))
        {
            Volatile.Write(ref _completedThrough, number);
        }
        while (_pending.TryPeek(out var head) && head.Number <= number)
        {
            _pending.TryDequeue(out _);
            await head.Handle.AcknowledgeAsync(ct);
        }
    }
}
