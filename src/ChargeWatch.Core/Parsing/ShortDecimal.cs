namespace ChargeWatch.Core.Parsing;

/// <summary>
/// Exact fast path for the numbers devices send: plain decimals of at most 15 digits, no exponent
/// (<c>221.3</c>, <c>-0.05</c>, <c>4098</c>). The digits form an integer below 2^53 and the scale is a
/// power of ten below 10^16; both are exact doubles, and IEEE division rounds correctly, so the
/// quotient is the same double the framework's general parser returns — at a fraction of its cost,
/// which was a sixth of parsing time. Anything else (more digits, an exponent) is left to it.
/// </summary>
internal static class ShortDecimal
{
    public const int MaxDigits = 15;

    private static readonly double[] PowersOfTen =
        [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

    /// <summary>Parses a JSON number token's text; false when the text is not a short plain decimal.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out double value)
    {
        value = 0;
        var negative = !text.IsEmpty && text[0] == (byte)'-';
        ulong digits = 0;
        var digitCount = 0;
        var fractionDigits = -1;
        for (var i = negative ? 1 : 0; i < text.Length; i++)
        {
            var digit = (uint)(text[i] - '0');
            if (digit <= 9)
            {
                if (++digitCount > MaxDigits)
                {
                    return false;
                }
                digits = digits * 10 + digit;
                if (fractionDigits >= 0)
                {
                    fractionDigits++;
                }
            }
            else if (text[i] == (byte)'.' && fractionDigits < 0 && digitCount > 0)
            {
                fractionDigits = 0;
            }
            else
            {
                return false;
            }
        }
        if (digitCount == 0 || fractionDigits == 0)
        {
            return false;
        }
        value = Compose(digits, Math.Max(fractionDigits, 0), negative);
        return true;
    }

    /// <summary>
    /// The value of a decimal whose <paramref name="digits"/> (at most <see cref="MaxDigits"/> of them)
    /// have <paramref name="fractionDigits"/> after the point.
    /// </summary>
    public static double Compose(ulong digits, int fractionDigits, bool negative)
    {
        var magnitude = (double)digits / PowersOfTen[fractionDigits];
        // Negating after dividing keeps "-0" as -0.0, as the general parser gives it.
        return negative ? -magnitude : magnitude;
    }
}
