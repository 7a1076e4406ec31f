using System.Buffers.Text;
using System.Text.Json;

namespace ChargeWatch.Core.Parsing;

/// <summary>
/// Typed, validated reads of one JSON value at the reader's position. Each throws
/// <see cref="ParseException"/> naming the field, so payload readers stay flat.
/// </summary>
internal static class JsonValues
{
    // Epoch-millisecond timestamps outside 2000..2100 are device clock faults, not readings.
    private const long MinEpochMs = 946_684_800_000;
    private const long MaxEpochMs = 4_102_444_800_000;
    private const int MaxTimestampLength = 64;

    public static bool IsNull(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null;

    public static double Number(ref Utf8JsonReader reader, string field, double min, double max)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw Reject(RejectReason.WrongType, field);
        }
        if ((reader.HasValueSequence || !ShortDecimal.TryParse(reader.ValueSpan, out var value))
            && (!reader.TryGetDouble(out value) || !double.IsFinite(value)))
        {
            throw Reject(RejectReason.NotFinite, field);
        }
        if (value < min || value > max)
        {
            throw Reject(RejectReason.OutOfRange, field);
        }
        return value;
    }

    public static double? OptionalNumber(ref Utf8JsonReader reader, string field, double min, double max) =>
        IsNull(ref reader) ? null : Number(ref reader, field, min, max);

    public static long Integer(ref Utf8JsonReader reader, string field, long min, long max)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw Reject(RejectReason.WrongType, field);
        }
        if (!reader.TryGetInt64(out var value))
        {
            // A fraction or an exponent where an integer belongs.
            throw Reject(reader.TryGetDouble(out var d) && double.IsFinite(d) && Math.Abs(d) < 9e18
                ? RejectReason.WrongType : RejectReason.OutOfRange, field);
        }
        if (value < min || value > max)
        {
            throw Reject(RejectReason.OutOfRange, field);
        }
        return value;
    }

    public static bool Boolean(ref Utf8JsonReader reader, string field) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw Reject(RejectReason.WrongType, field),
    };

    public static string? OptionalString(ref Utf8JsonReader reader, string field, StringPool pool)
    {
        if (IsNull(ref reader))
        {
            return null;
        }
        if (reader.TokenType != JsonTokenType.String)
        {
            throw Reject(RejectReason.WrongType, field);
        }
        var value = pool.Get(ref reader);
        return value.Length is > 0 and <= 64 ? value : throw Reject(RejectReason.InvalidValue, field);
    }

    /// <summary>RFC 3339 with an explicit offset (or Z), or epoch milliseconds.</summary>
    public static DateTimeOffset Timestamp(ref Utf8JsonReader reader)
    {
        const string field = "ts";
        if (reader.TokenType == JsonTokenType.Number)
        {
            if (!reader.TryGetInt64(out var ms) || ms < MinEpochMs || ms > MaxEpochMs)
            {
                throw Reject(RejectReason.InvalidTimestamp, field);
            }
            return DateTimeOffset.FromUnixTimeMilliseconds(ms);
        }
        if (reader.TokenType != JsonTokenType.String)
        {
            throw Reject(RejectReason.WrongType, field);
        }
        Span<byte> text = stackalloc byte[MaxTimestampLength];
        var rawLength = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (rawLength > MaxTimestampLength || !HasExplicitOffset(text[..reader.CopyString(text)])
            || !reader.TryGetDateTimeOffset(out var ts)
            || ts.UtcTicks < MinEpochMs * TimeSpan.TicksPerMillisecond + DateTimeOffset.UnixEpoch.Ticks
            || ts.UtcTicks > MaxEpochMs * TimeSpan.TicksPerMillisecond + DateTimeOffset.UnixEpoch.Ticks)
        {
            throw Reject(RejectReason.InvalidTimestamp, field);
        }
        return ts;
    }

    public static ParseException Reject(RejectReason reason, string? field) => new(new ParseError(reason, field));

    // RFC 3339 requires "Z" or "±hh:mm" after the time; ISO 8601 without it means local time, which we refuse.
    private static bool HasExplicitOffset(ReadOnlySpan<byte> value)
    {
        if (value.Length < 20 || value[10] is not ((byte)'T' or (byte)'t' or (byte)' '))
        {
            return false;
        }
        var last = value[^1];
        if (last is (byte)'Z' or (byte)'z')
        {
            return true;
        }
        return value.Length >= 25 && value[^3] == (byte)':' && value[^6] is (byte)'+' or (byte)'-'
            && Utf8Parser.TryParse(value[^5..^3], out int _, out _);
    }
}
