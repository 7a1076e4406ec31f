using System.Buffers;
using System.Globalization;
using System.Text;

namespace ChargeWatch.Core.Points;

/// <summary>
/// Accumulates InfluxDB line protocol (millisecond precision). Escaping follows the line protocol
/// reference: measurement and tag keys/values escape commas, spaces and equals signs; string
/// fields escape quotes and backslashes. A line without fields is dropped, as InfluxDB would
/// refuse it. Reused across batches with <see cref="Clear"/>.
/// </summary>
public sealed class LineProtocolBuffer(int capacity = 64 * 1024)
{
    private static readonly SearchValues<char> TagSpecials = SearchValues.Create(", =\n\r");
    private static readonly SearchValues<char> MeasurementSpecials = SearchValues.Create(", \n\r");
    private readonly StringBuilder _text = new(capacity);
    private int _lineStart;
    private int _fieldCount;

    public int LineCount { get; private set; }

    public int Length => _text.Length;

    public LineProtocolBuffer BeginLine(string measurement)
    {
        _lineStart = _text.Length;
        _fieldCount = 0;
        AppendEscaped(measurement, isTag: false);
        return this;
    }

    /// <summary>Adds a tag; null or empty values are omitted (InfluxDB has no empty tags).</summary>
    public LineProtocolBuffer Tag(string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            _text.Append(',');
            AppendEscaped(key, isTag: true);
            _text.Append('=');
            AppendEscaped(value, isTag: true);
        }
        return this;
    }

    public LineProtocolBuffer Field(string key, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            StartField(key);
            AppendNumber(v);
        }
        return this;
    }

    public LineProtocolBuffer Field(string key, long? value)
    {
        if (value is { } v)
        {
            StartField(key);
            AppendInvariant(v);
            _text.Append('i');
        }
        return this;
    }

    public LineProtocolBuffer Field(string key, bool? value)
    {
        if (value is { } v)
        {
            StartField(key);
            _text.Append(v ? "true" : "false");
        }
        return this;
    }

    public LineProtocolBuffer Field(string key, string? value)
    {
        if (value is not null)
        {
            StartField(key);
            _text.Append('"');
            foreach (var c in value)
            {
                if (c is '"' or '\\')
                {
                    _text.Append('\\');
                }
                // A raw newline would end the line: line protocol has no escape for it.
                _text.Append(c is '\n' or '\r' ? ' ' : c);
            }
            _text.Append('"');
        }
        return this;
    }

    /// <summary>Ends the line with its timestamp in Unix milliseconds; drops it if it has no fields.</summary>
    public void EndLine(long unixMilliseconds)
    {
        if (_fieldCount == 0)
        {
            _text.Length = _lineStart;
            return;
        }
        _text.Append(' ');
        AppendInvariant(unixMilliseconds);
        _text.Append('\n');
        LineCount++;
    }

    public void Clear()
    {
        _text.Clear();
        _lineStart = 0;
        _fieldCount = 0;
        LineCount = 0;
    }

    /// <summary>The lines so far, each ending in a newline.</summary>
    public override string ToString() => _text.ToString();

    /// <summary>Copies the text into <paramref name="destination"/> as UTF-8 without an intermediate string.</summary>
    public int CopyUtf8To(Stream destination)
    {
        var written = 0;
        Span<byte> bytes = stackalloc byte[4096 * 3];
        foreach (var chunk in _text.GetChunks())
        {
            var chars = chunk.Span;
            while (chars.Length > 0)
            {
                var take = Math.Min(chars.Length, 4096);
                var n = Encoding.UTF8.GetBytes(chars[..take], bytes);
                destination.Write(bytes[..n]);
                written += n;
                chars = chars[take..];
            }
        }
        return written;
    }

    private void StartField(string key)
    {
        _text.Append(_fieldCount++ == 0 ? ' ' : ',');
        AppendEscaped(key, isTag: true);
        _text.Append('=');
    }

    /// <summary>
    /// Meter readings mostly carry up to three decimals (221.3, 1.12). When thousandths hold the value
    /// exactly, it is written from an integer — several times faster than shortest round-trip
    /// formatting, and the same text parses back to the same double; anything else takes the general path.
    /// </summary>
    private void AppendNumber(double value)
    {
        const double Scale = 1000;
        var scaled = Math.Round(value * Scale);
        if (Math.Abs(scaled) < 1e15 && scaled / Scale == value)
        {
            var thousandths = (long)scaled;
            if (thousandths < 0)
            {
                _text.Append('-');
                thousandths = -thousandths;
            }
            AppendInvariant(thousandths / 1000);
            var fraction = (int)(thousandths % 1000);
            if (fraction != 0)
            {
                _text.Append('.');
                var digits = fraction % 100 == 0 ? 1 : fraction % 10 == 0 ? 2 : 3;
                var divisor = 100;
                for (var i = 0; i < digits; i++, divisor /= 10)
                {
                    _text.Append((char)('0' + fraction / divisor % 10));
                }
            }
            return;
        }
        AppendInvariant(value);
    }

    private void AppendInvariant<T>(T value) where T : ISpanFormattable
    {
        Span<char> chars = stackalloc char[32];
        if (value.TryFormat(chars, out var written, default, CultureInfo.InvariantCulture))
        {
            _text.Append(chars[..written]);
        }
        else
        {
            _text.Append(value.ToString(null, CultureInfo.InvariantCulture));
        }
    }

    private void AppendEscaped(string value, bool isTag)
    {
        if (value.AsSpan().IndexOfAny(isTag ? TagSpecials : MeasurementSpecials) < 0)
        {
            _text.Append(value);
            return;
        }
        foreach (var c in value)
        {
            if (c is ',' or ' ' || (isTag && c == '='))
            {
                _text.Append('\\');
            }
            _text.Append(c is '\n' or '\r' ? ' ' : c);
        }
    }
}
