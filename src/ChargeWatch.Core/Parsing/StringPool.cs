using System.Text.Json;

namespace ChargeWatch.Core.Parsing;

/// <summary>
/// Interns short strings read from payloads (shed, building, unit) so that repeated values cost no
/// allocation. Bounded: cleared when full. Not thread-safe.
/// </summary>
internal sealed class StringPool(int capacity)
{
    private const int MaxPooledLength = 128;
    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);

    public string Get(ref Utf8JsonReader reader)
    {
        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (length > MaxPooledLength)
        {
            return reader.GetString()!;
        }

        Span<char> chars = stackalloc char[MaxPooledLength];
        return Get(chars[..reader.CopyString(chars)]);
    }

    /// <summary>The pooled string of printable-ASCII bytes, the same instance <see cref="Get(ref Utf8JsonReader)"/> returns for that text.</summary>
    public string GetAscii(ReadOnlySpan<byte> ascii)
    {
        if (ascii.Length > MaxPooledLength)
        {
            return System.Text.Encoding.ASCII.GetString(ascii);
        }
        Span<char> chars = stackalloc char[ascii.Length];
        for (var i = 0; i < ascii.Length; i++)
        {
            chars[i] = (char)ascii[i];
        }
        return Get(chars);
    }

    private string Get(ReadOnlySpan<char> chars)
    {
        var lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(chars, out var pooled))
        {
            return pooled;
        }

        if (_strings.Count >= capacity)
        {
            _strings.Clear();
        }
        var created = new string(chars);
        _strings.Add(created);
        return created;
    }
}
