using System.Buffers;
using System.Text;

namespace ChargeWatch.Worker.Storage;

/// <summary>
/// Line protocol for one write, as UTF-8. <see cref="AckThrough"/> is the receive number of the last
/// message whose points it holds (0 for batches that acknowledge nothing: alerts, counters, spooled
/// batches): once the batch is durable, every message up to that number may be acknowledged.
/// A data batch is a megabyte or more: as a string it went to the large-object heap several times
/// a second and its garbage swung the worker's memory by a third between gen-2 collections. So
/// <see cref="Rent"/> keeps it in a pooled array, which the writer hands back with
/// <see cref="Release"/> once the batch is written, spooled or set aside.
/// </summary>
public sealed class WriteBatch
{
    private byte[]? _rented;
    private ReadOnlyMemory<byte> _utf8;

    private WriteBatch(ReadOnlyMemory<byte> utf8, byte[]? rented, int lineCount, long ackThrough)
    {
        _utf8 = utf8;
        _rented = rented;
        LineCount = lineCount;
        AckThrough = ackThrough;
    }

    /// <summary>A small batch (alert points, counters) from text.</summary>
    public WriteBatch(string lines, int lineCount, long ackThrough)
        : this(Encoding.UTF8.GetBytes(lines), null, lineCount, ackThrough)
    {
    }

    public static WriteBatch Empty(long ackThrough) => new(ReadOnlyMemory<byte>.Empty, null, 0, ackThrough);

    /// <summary>A batch over UTF-8 the caller hands over (a spool file's body); nothing to give back.</summary>
    public static WriteBatch FromUtf8(ReadOnlyMemory<byte> utf8, int lineCount, long ackThrough) => new(utf8, null, lineCount, ackThrough);

    /// <summary>A batch encoded into an array from the shared pool; <see cref="Release"/> gives it back.</summary>
    public static WriteBatch Rent(ReadOnlySpan<char> lines, int lineCount, long ackThrough)
    {
        if (lines.IsEmpty)
        {
            return new(ReadOnlyMemory<byte>.Empty, null, lineCount, ackThrough);
        }
        var rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetByteCount(lines));
        var length = Encoding.UTF8.GetBytes(lines, rented);
        return new(rented.AsMemory(0, length), rented, lineCount, ackThrough);
    }

    /// <summary>The line protocol; empty once released.</summary>
    public ReadOnlyMemory<byte> Utf8 => _utf8;

    public int LineCount { get; }

    public long AckThrough { get; }

    public bool HasLines => LineCount > 0;

    /// <summary>The line protocol as text, for tests and diagnostics (the write path keeps the bytes).</summary>
    public string ToText() => Encoding.UTF8.GetString(_utf8.Span);

    /// <summary>
    /// Gives a pooled array back. Called once nothing reads the batch any more; afterwards
    /// <see cref="Utf8"/> is empty, so a late reader sees no lines rather than another batch's.
    /// </summary>
    public void Release()
    {
        _utf8 = ReadOnlyMemory<byte>.Empty;
        if (Interlocked.Exchange(ref _rented, null) is { } rented)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
