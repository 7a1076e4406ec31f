using System.Buffers;
using System.Globalization;
using System.Text;

namespace ChargeWatch.Core.Points;

/// <summary>
/// Accumulates InfluxDB line protocol (millisecond precision). Escaping follows the line protocol
/// reference: measurement and tag keys/values escape commas, spaces and equals signs; string
/// fields escape quotes and backslashes. A line without fields is dropped, as InfluxDB would
/// refuse it. Reused across batches with <see cref="Clear"/>.
/// The text lives in one growable <c>char[]</c> rather than a <see cref="StringBuilder"/>: a point is
/// dozens of tiny appends, and writing them straight into the array halved the cost of mapping.
/// </summary>
public sealed class LineProtocolBuffer(int capacity = 64 * 1024)
{
    private static readonly SearchValues<char> TagSpecials = SearchValues.Create(", =\n\r");
    private static readonly SearchValues<char> MeasurementSpecials = SearchValues.Create(", \n\r");
    private char[] _chars = new char[Math.Max(capacity, 64)];
    private int _length;
    private int _lineStart;
    private int _fieldCount;
    // The points of one reading share their timestamp: its digits are formatted once and copied.
    private long _lastTimestamp = long.MinValue;
    private readonly char[] _lastTimestampText = new char[20];
    private int _lastTimestampLength;
    private const int PlainSlotShift = 24;
    private readonly string?[] _plainStrings = new string?[1 << (32 - PlainSlotShift)];

    public int LineCount { get; private set; }

    public int Length => _length;

    public LineProtocolBuffer BeginLine(string measurement)
    {
        _lineStart = _length;
        _fieldCount = 0;
        AppendEscaped(measurement, isTag: false);
        return this;
    }

    /// <summary>
    /// Begins a line with a copy of <paramref name="length"/> characters already in this buffer from
    /// <paramref name="start"/>: the measurement and leading tags of an earlier line of the same series
    /// family, escaped once instead of once per line.
    /// </summary>
    internal LineProtocolBuffer BeginLineCopying(int start, int length)
    {
        _lineStart = _length;
        _fieldCount = 0;
        return AppendCopy(start, length);
    }

    /// <summary>Appends a copy of text already in this buffer (tags of an earlier line, as escaped there).</summary>
    internal LineProtocolBuffer AppendCopy(int start, int length)
    {
        Reserve(length);
        _chars.AsSpan(start, length).CopyTo(_chars.AsSpan(_length));
        _length += length;
        return this;
    }

    /// <summary>Appends a short run of digits, which no part of a line escapes (a port number after a copied "port=").</summary>
    internal LineProtocolBuffer AppendDigits(string digits)
    {
        Append(digits);
        return this;
    }

    /// <summary>Adds a tag; null or empty values are omitted (InfluxDB has no empty tags).</summary>
    public LineProtocolBuffer Tag(string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            AppendKey(',', key);
            AppendEscaped(value, isTag: true);
        }
        return this;
    }

    public LineProtocolBuffer Field(string key, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            if (!IsPlain(key))
            {
                StartField(key);
                Reserve(FloatFieldText.MaxLength);
                _length += FloatFieldText.Write(v, _chars.AsSpan(_length));
                return this;
            }
            // Separator, key, '=' and number into one reservation: a field is the mapper's most
            // frequent append, and each separate reservation reloads and stores the buffer's state.
            Reserve(key.Length + 2 + FloatFieldText.MaxLength);
            var text = _chars.AsSpan(_length);
            var at = WritePlainKey(_fieldCount++ == 0 ? ' ' : ',', key, text);
            _length += at + FloatFieldText.Write(v, text[at..]);
        }
        return this;
    }

    public LineProtocolBuffer Field(string key, long? value)
    {
        if (value is { } v)
        {
            StartField(key);
            AppendInvariant(v);
            Append('i');
        }
        return this;
    }

    public LineProtocolBuffer Field(string key, bool? value)
    {
        if (value is { } v)
        {
            StartField(key);
            Append(v ? "true" : "false");
        }
        return this;
    }

    public LineProtocolBuffer Field(string key, string? value)
    {
        if (value is not null)
        {
            StartField(key);
            // Every character escaped, and the quotes: room for all of it up front, then a local span.
            Reserve(value.Length * 2 + 2);
            var text = _chars.AsSpan(_length);
            var at = 0;
            text[at++] = '"';
            foreach (var c in value)
            {
                if (c is '"' or '\\')
                {
                    text[at++] = '\\';
                }
                // A raw newline would end the line: line protocol has no escape for it.
                text[at++] = c is '\n' or '\r' ? ' ' : c;
            }
            text[at++] = '"';
            _length += at;
        }
        return this;
    }

    /// <summary>Ends the line with its timestamp in Unix milliseconds; drops it if it has no fields.</summary>
    public void EndLine(long unixMilliseconds)
    {
        if (_fieldCount == 0)
        {
            _length = _lineStart;
            return;
        }
        if (unixMilliseconds != _lastTimestamp)
        {
            unixMilliseconds.TryFormat(_lastTimestampText, out _lastTimestampLength, default, CultureInfo.InvariantCulture);
            _lastTimestamp = unixMilliseconds;
        }
        Reserve(_lastTimestampLength + 2);
        var text = _chars.AsSpan(_length, _lastTimestampLength + 2);
        text[0] = ' ';
        _lastTimestampText.AsSpan(0, _lastTimestampLength).CopyTo(text[1..]);
        text[^1] = '\n';
        _length += text.Length;
        LineCount++;
    }

    public void Clear()
    {
        _length = 0;
        _lineStart = 0;
        _fieldCount = 0;
        LineCount = 0;
    }

    /// <summary>The lines so far, each ending in a newline.</summary>
    public override string ToString() => new(_chars, 0, _length);

    /// <summary>The lines so far without copying them; valid until the next append or <see cref="Clear"/>.</summary>
    public ReadOnlySpan<char> AsSpan() => _chars.AsSpan(0, _length);

    /// <summary>Copies the text into <paramref name="destination"/> as UTF-8 without an intermediate string.</summary>
    public int CopyUtf8To(Stream destination)
    {
        var written = 0;
        Span<byte> bytes = stackalloc byte[4096 * 3];
        var chars = _chars.AsSpan(0, _length);
        while (chars.Length > 0)
        {
            // Never split a surrogate pair between two encoder calls.
            var take = Math.Min(chars.Length, 4096);
            if (take < chars.Length && char.IsHighSurrogate(chars[take - 1]))
            {
                take--;
            }
            var n = Encoding.UTF8.GetBytes(chars[..take], bytes);
            destination.Write(bytes[..n]);
            written += n;
            chars = chars[take..];
        }
        return written;
    }

    private void StartField(string key) => AppendKey(_fieldCount++ == 0 ? ' ' : ',', key);

    private void AppendInvariant<T>(T value) where T : ISpanFormattable
    {
        // 32 characters hold any long or the round-trip text of any double.
        Reserve(32);
        if (!value.TryFormat(_chars.AsSpan(_length), out var written, default, CultureInfo.InvariantCulture))
        {
            Append(value.ToString(null, CultureInfo.InvariantCulture));
            return;
        }
        _length += written;
    }

    private void Append(char c)
    {
        if (_length == _chars.Length)
        {
            Grow(1);
        }
        _chars[_length++] = c;
    }

    private void Append(ReadOnlySpan<char> text)
    {
        Reserve(text.Length);
        text.CopyTo(_chars.AsSpan(_length));
        _length += text.Length;
    }

    private void Reserve(int count)
    {
        if (_chars.Length - _length < count)
        {
            Grow(count);
        }
    }

    private void Grow(int count)
    {
        var grown = new char[Math.Max(_chars.Length * 2, _length + count)];
        _chars.AsSpan(0, _length).CopyTo(grown);
        _chars = grown;
    }

    /// <summary>Writes <paramref name="separator"/>, the escaped key and '=' (a tag's or a field's key).</summary>
    private void AppendKey(char separator, string key)
    {
        if (IsPlain(key))
        {
            Reserve(key.Length + 2);
            _length += WritePlainKey(separator, key, _chars.AsSpan(_length));
            return;
        }
        Append(separator);
        AppendEscaped(key, isTag: true);
        Append('=');
    }

    /// <summary>Writes <paramref name="separator"/>, a key that needs no escaping and '='; returns how many characters.</summary>
    private static int WritePlainKey(char separator, string key, Span<char> text)
    {
        // Keys are a few characters long: a loop beats a block copy's call.
        text = text[..(key.Length + 2)];
        text[0] = separator;
        for (var i = 0; i < key.Length; i++)
        {
            text[i + 1] = key[i];
        }
        text[^1] = '=';
        return text.Length;
    }

    /// <summary>
    /// True if the string needs no escaping anywhere. Keys, measurements and tag values are nearly always
    /// the same few string instances (literals, the topic cache's device and site, the parser's pooled
    /// shed), so strings once found plain are remembered by reference; strings are immutable, so the
    /// verdict stays true. Length, first and last character, mixed multiplicatively, spread the mapper's
    /// keys and the usual device, shed and site names over distinct slots ("shed" and "site" among them).
    /// </summary>
    private bool IsPlain(string value)
    {
        var slot = value.Length == 0 ? 0 : (int)(unchecked(
            (uint)value.Length * 0x9E3779B1u + value[0] * 0x85EBCA6Bu + value[^1] * 0xC2B2AE35u) >> PlainSlotShift);
        if (ReferenceEquals(_plainStrings[slot], value))
        {
            return true;
        }
        if (value.AsSpan().IndexOfAny(TagSpecials) < 0)
        {
            _plainStrings[slot] = value;
            return true;
        }
        return false;
    }

    private void AppendEscaped(string value, bool isTag)
    {
        if (IsPlain(value))
        {
            Append(value);
            return;
        }
        if (value.AsSpan().IndexOfAny(isTag ? TagSpecials : MeasurementSpecials) < 0)
        {
            Append(value);
            return;
        }
        foreach (var c in value)
        {
            if (c is ',' or ' ' || (isTag && c == '='))
            {
                Append('\\');
            }
            Append(c is '\n' or '\r' ? ' ' : c);
        }
    }
}
