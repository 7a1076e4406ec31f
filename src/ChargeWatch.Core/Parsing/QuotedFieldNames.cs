using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace ChargeWatch.Core.Parsing;

/// <summary>
/// The charger payload's property names as they stand in compact JSON, opening quote to colon
/// (<c>"a":</c>, <c>"tempC":</c>), each packed into the low bytes of a little-endian <see cref="ulong"/>.
/// Eight payload bytes compared with one of them identify a name and step over its colon at once,
/// where scanning the string, switching on it and consuming the colon was the largest share of the
/// fast path's per-port loop. A name written any other way (whitespace before the colon, escapes)
/// matches none of them and is read the long way, with the same result.
/// </summary>
internal static class QuotedFieldNames
{
    private static readonly ulong QuotedA = Pack("\"a\":"u8);
    private static readonly ulong QuotedV = Pack("\"v\":"u8);
    private static readonly ulong QuotedW = Pack("\"w\":"u8);
    private static readonly ulong QuotedWh = Pack("\"wh\":"u8);
    private static readonly ulong QuotedTs = Pack("\"ts\":"u8);
    private static readonly ulong QuotedTempC = Pack("\"tempC\":"u8);
    private static readonly ulong QuotedPort = Pack("\"port\":"u8);
    private static readonly ulong QuotedPorts = Pack("\"ports\":"u8);
    private static readonly ulong QuotedSeq = Pack("\"seq\":"u8);
    private static readonly ulong QuotedShed = Pack("\"shed\":"u8);
    private static readonly ulong QuotedState = Pack("\"state\":"u8);

    /// <summary>
    /// The field whose quoted name and colon begin <paramref name="text"/>, and how many bytes that is;
    /// <see cref="PayloadField.Unknown"/> (length 0) for anything else, and when fewer than 8 bytes are left.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static PayloadField Match(ReadOnlySpan<byte> text, out int length)
    {
        length = 0;
        if (text.Length < sizeof(ulong))
        {
            return PayloadField.Unknown;
        }
        var next = BinaryPrimitives.ReadUInt64LittleEndian(text);
        // The byte after the quote picks the candidates; the compare of the whole name confirms one.
        return (byte)(next >> 8) switch
        {
            (byte)'a' => Confirm(next, QuotedA, 4, PayloadField.A, ref length),
            (byte)'v' => Confirm(next, QuotedV, 4, PayloadField.V, ref length),
            (byte)'w' when (byte)(next >> 16) == (byte)'h' => Confirm(next, QuotedWh, 5, PayloadField.Wh, ref length),
            (byte)'w' => Confirm(next, QuotedW, 4, PayloadField.W, ref length),
            (byte)'t' when (byte)(next >> 16) == (byte)'s' => Confirm(next, QuotedTs, 5, PayloadField.Ts, ref length),
            (byte)'t' => Confirm(next, QuotedTempC, 8, PayloadField.TempC, ref length),
            (byte)'p' when (byte)(next >> 40) == (byte)'"' => Confirm(next, QuotedPort, 7, PayloadField.Port, ref length),
            (byte)'p' => Confirm(next, QuotedPorts, 8, PayloadField.Ports, ref length),
            (byte)'s' when (byte)(next >> 16) == (byte)'e' => Confirm(next, QuotedSeq, 6, PayloadField.Seq, ref length),
            (byte)'s' when (byte)(next >> 16) == (byte)'h' => Confirm(next, QuotedShed, 7, PayloadField.Shed, ref length),
            (byte)'s' => Confirm(next, QuotedState, 8, PayloadField.State, ref length),
            _ => PayloadField.Unknown,
        };
    }

    private static PayloadField Confirm(ulong next, ulong quoted, int length, PayloadField field, ref int matched)
    {
        var mask = length == sizeof(ulong) ? ulong.MaxValue : (1UL << (length * 8)) - 1;
        if ((next & mask) != quoted)
        {
            return PayloadField.Unknown;
        }
        matched = length;
        return field;
    }

    private static ulong Pack(ReadOnlySpan<byte> quoted)
    {
        Span<byte> padded = stackalloc byte[sizeof(ulong)];
        quoted.CopyTo(padded);
        return BinaryPrimitives.ReadUInt64LittleEndian(padded);
    }
}
