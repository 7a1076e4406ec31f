using System.Buffers.Text;
using System.Runtime.CompilerServices;

namespace ChargeWatch.Core.Parsing;

/// <summary>
/// A forward-only scanner over the plain subset of JSON that devices actually send: printable-ASCII
/// strings without escapes, numbers without exponents, no <c>null</c>. Each method either consumes a
/// token and returns true, or returns false and promises nothing more; <see cref="PlainChargerReader"/>
/// then hands the whole payload to the general <see cref="System.Text.Json.Utf8JsonReader"/> path,
/// which alone decides what is malformed and why.
/// </summary>
internal ref struct PlainJsonCursor(ReadOnlySpan<byte> text)
{
    private readonly ReadOnlySpan<byte> _text = text;
    private int _position;

    /// <summary>Consumes whitespace, then <paramref name="token"/> if it comes next.</summary>
    public bool TryConsume(byte token)
    {
        SkipWhitespace();
        if (_position < _text.Length && _text[_position] == token)
        {
            _position++;
            return true;
        }
        return false;
    }

    /// <summary>True when only whitespace is left.</summary>
    public bool AtEnd()
    {
        SkipWhitespace();
        return _position == _text.Length;
    }

    /// <summary>A string of printable ASCII without escapes; returns its content.</summary>
    public bool TryReadString(out ReadOnlySpan<byte> content)
    {
        content = default;
        if (!TryConsume((byte)'"'))
        {
            return false;
        }
        // Names and values are a few bytes long: a plain loop beats a vectorised search's setup.
        var start = _position;
        for (var i = start; i < _text.Length; i++)
        {
            var b = _text[i];
            if (b == (byte)'"')
            {
                content = _text[start..i];
                _position = i + 1;
                return true;
            }
            if (b is < 0x20 or > 0x7E or (byte)'\\')
            {
                return false;
            }
        }
        return false;
    }

    /// <summary>The raw token of a string (quotes included), for readers that want the framework's own parsing of it.</summary>
    public bool TryReadStringToken(out ReadOnlySpan<byte> token)
    {
        SkipWhitespace();
        var start = _position;
        if (!TryReadString(out _))
        {
            token = default;
            return false;
        }
        token = _text[start.._position];
        return true;
    }

    /// <summary>A property name and its colon.</summary>
    public bool TryReadName(out ReadOnlySpan<byte> name) => TryReadString(out name) && TryConsume((byte)':');

    /// <summary>
    /// A property name and its colon, as the field it names (<see cref="PayloadField.Unknown"/> for a
    /// name contract §2 does not know). Names in their compact form are matched eight bytes at a time.
    /// </summary>
    public bool TryReadField(out PayloadField field)
    {
        SkipWhitespace();
        field = QuotedFieldNames.Match(_text[_position..], out var length);
        if (length == 0)
        {
            length = ReadFieldByName(_text[_position..], out field);
            if (length < 0)
            {
                return false;
            }
        }
        _position += length;
        return true;
    }

    /// <summary>
    /// The long way for a name (the bytes it took, −1 when it is not a plain name and colon), on a cursor
    /// of its own and never inlined: a call that took the address of the caller's cursor would keep that
    /// cursor out of registers in the caller's whole loop, and the common case would pay for the rare one.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int ReadFieldByName(ReadOnlySpan<byte> text, out PayloadField field)
    {
        var name = new PlainJsonCursor(text);
        if (!name.TryReadName(out var utf8))
        {
            field = PayloadField.Unknown;
            return -1;
        }
        field = PayloadFieldNames.Identify(utf8);
        return name._position;
    }

    /// <summary>
    /// A number of the form <c>-?(0|[1-9][0-9]*)(\.[0-9]+)?</c>, the same double the framework's
    /// reader would give; false for exponents, malformed or non-finite numbers.
    /// </summary>
    public bool TryReadNumber(out double value)
    {
        value = 0;
        if (!TryReadNumberToken(out var number, out var plain))
        {
            return false;
        }
        if (plain.DigitCount <= ShortDecimal.MaxDigits)
        {
            value = ShortDecimal.Compose(plain.Digits, plain.FractionDigits, plain.Negative);
            return true;
        }
        if (plain.DigitCount <= LongDecimal.MaxDigits
            && LongDecimal.TryCompose(plain.Digits, plain.FractionDigits, plain.Negative, out value))
        {
            return true;
        }
        // Longer mantissas: the same correctly rounded conversion Utf8JsonReader.TryGetDouble makes.
        return Utf8Parser.TryParse(number, out value, out var consumed) && consumed == number.Length && double.IsFinite(value);
    }

    /// <summary>A non-negative integer of at most 18 digits (no sign, fraction or exponent).</summary>
    public bool TryReadSmallInteger(out long value)
    {
        value = 0;
        if (!TryReadNumberToken(out _, out var plain) || plain.Negative || plain.FractionDigits != 0 || plain.DigitCount > 18)
        {
            return false;
        }
        value = (long)plain.Digits;
        return true;
    }

    /// <summary>The next byte after whitespace, without consuming it; 0 at the end.</summary>
    public readonly byte Peek()
    {
        var position = _position;
        while (position < _text.Length && IsWhitespace(_text[position]))
        {
            position++;
        }
        return position < _text.Length ? _text[position] : (byte)0;
    }

    /// <summary>The raw text of a plain number (see <see cref="TryReadNumber"/>).</summary>
    public bool TryReadNumberToken(out ReadOnlySpan<byte> number) => TryReadNumberToken(out number, out _);

    /// <summary>
    /// Scans a plain number and, in the same pass, gathers its digits as an integer (exact while
    /// there are at most 19 of them; callers check <see cref="PlainNumber.DigitCount"/>).
    /// </summary>
    private bool TryReadNumberToken(out ReadOnlySpan<byte> number, out PlainNumber plain)
    {
        SkipWhitespace();
        number = default;
        plain = default;
        var text = _text;
        var start = _position;
        var i = start;
        var negative = i < text.Length && text[i] == (byte)'-';
        if (negative)
        {
            i++;
        }
        ulong digits = 0;
        var integerStart = i;
        uint digit;
        while (i < text.Length && (digit = (uint)(text[i] - '0')) <= 9)
        {
            digits = unchecked(digits * 10 + digit);
            i++;
        }
        var integerDigits = i - integerStart;
        // JSON forbids leading zeros ("01") and a bare sign.
        if (integerDigits == 0 || (integerDigits > 1 && text[integerStart] == (byte)'0'))
        {
            return false;
        }
        var fractionDigits = 0;
        if (i < text.Length && text[i] == (byte)'.')
        {
            var fractionStart = ++i;
            while (i < text.Length && (digit = (uint)(text[i] - '0')) <= 9)
            {
                digits = unchecked(digits * 10 + digit);
                i++;
            }
            fractionDigits = i - fractionStart;
            if (fractionDigits == 0)
            {
                return false;
            }
        }
        // An exponent, or anything else glued to the number, is for the general reader.
        if (i < text.Length && !IsWhitespace(text[i]) && text[i] is not ((byte)',' or (byte)'}' or (byte)']'))
        {
            return false;
        }
        number = text[start..i];
        plain = new PlainNumber(digits, integerDigits + fractionDigits, fractionDigits, negative);
        _position = i;
        return true;
    }

    private void SkipWhitespace()
    {
        while (_position < _text.Length && IsWhitespace(_text[_position]))
        {
            _position++;
        }
    }

    private static bool IsWhitespace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r';
}
