using ChargeWatch.Core.Numbers;

namespace ChargeWatch.Core.Parsing;

/// <summary>
/// Exact conversion of plain decimals with 16 to 19 digits (beyond <see cref="ShortDecimal"/>'s reach)
/// to the correctly rounded double, the one the framework's parser returns. Sensor values that went
/// through floating-point sums arrive like that (<c>1.1300000000000001</c>), and the framework's
/// general parser took about 45 ns for each.
/// </summary>
/// <remarks>
/// A double c = m/2^k stands for exactly the decimals within half a unit in its last place (the
/// bounds included when m is even: parsing rounds half to even). Dividing the digits by the power of
/// ten in floating point lands on c or a neighbour; comparing the decimal with c's interval in 128-bit
/// integers — everything multiplied by 4·2^k·10^f — says which, and at most a step or two finds it.
/// </remarks>
internal static class LongDecimal
{
    public const int MaxDigits = 19;


    /// <summary>The double of ±digits/10^fractionDigits; false when it is outside 2^-10 … 2^52 (left to the framework).</summary>
    public static bool TryCompose(ulong digits, int fractionDigits, bool negative, out double value)
    {
        value = 0;
        if (fractionDigits >= PowersOfTen.UInt64.Length || digits == 0)
        {
            return false;
        }
        var scale = PowersOfTen.UInt64[fractionDigits];
        var candidate = (double)digits / scale;
        for (var step = 0; step < 4; step++)
        {
            switch (Compare(digits, scale, candidate))
            {
                case 0:
                    value = negative ? -candidate : candidate;
                    return true;
                case < 0:
                    candidate = Math.BitDecrement(candidate);
                    break;
                case 1:
                    candidate = Math.BitIncrement(candidate);
                    break;
                default:
                    return false;
            }
        }
        return false;
    }

    /// <summary>−1 if digits/scale lies below the interval of <paramref name="candidate"/>, 0 inside, 1 above, 2 out of range.</summary>
    private static int Compare(ulong digits, ulong scale, double candidate)
    {
        var bits = BitConverter.DoubleToUInt64Bits(candidate);
        var exponent = (int)(bits >> 52) - 1023;
        if (exponent is < -10 or >= 52)
        {
            return 2;
        }
        var fraction = bits & ((1UL << 52) - 1);
        var mantissa = fraction | (1UL << 52);
        // candidate = mantissa / 2^k with k = 52 − exponent; numerators over 4·2^k·10^f, shift ≤ 64.
        var decimalValue = (UInt128)digits << (52 - exponent + 2);
        var exact = Math.BigMul(mantissa * 4, scale);
        // Half an ulp is 2·10^f here; below a power of two the gap, and so the margin, is half as wide.
        var lower = exact - (fraction == 0 ? (UInt128)scale : (UInt128)scale << 1);
        var upper = exact + ((UInt128)scale << 1);
        var inclusive = (mantissa & 1) == 0;
        if (decimalValue < lower || (decimalValue == lower && !inclusive))
        {
            return -1;
        }
        if (decimalValue > upper || (decimalValue == upper && !inclusive))
        {
            return 1;
        }
        return 0;
    }
}
