using ChargeWatch.Core.Numbers;

namespace ChargeWatch.Core.Points;

/// <summary>
/// Shortest round-trip decimal text of a double between 0.1 and 10^15, in exact integer arithmetic.
/// The values that miss the thousandths fast path of <see cref="LineProtocolBuffer"/> are mostly sums
/// with binary noise (<c>1.1300000000000001</c>) that need all 17 digits; the framework's general
/// formatter spent 60–90 ns on each, a quarter of mapping a charger reading.
/// </summary>
/// <remarks>
/// A double is m·2^-k exactly; every decimal within half a unit in the last place of it (the bounds
/// count when m is even, as round-half-even parsing maps them back to it) reads back as the same
/// double. The fewest fraction digits f at which such a decimal exists give the shortest text; of the
/// candidates at f, the one nearest the exact value is written, as the framework does. An exact tie
/// between two candidates is left to the framework.
/// </remarks>
internal static class ShortestDecimal
{
    // From 0.1 up, 18 significant digits need at most 19 fraction digits: 10^19 still fits a ulong.
    private const double Min = 0.1;
    private const double Max = 1e15;


    /// <summary>Writes the text; false (nothing written) outside 0.1 ≤ |value| &lt; 10^15 or on a tie.</summary>
    public static bool TryFormat(double value, Span<char> destination, out int written)
    {
        written = 0;
        var magnitude = Math.Abs(value);
        if (!(magnitude >= Min && magnitude < Max) || destination.Length < 40)
        {
            return false;
        }
        var bits = BitConverter.DoubleToUInt64Bits(magnitude);
        var fraction = bits & ((1UL << 52) - 1);
        var mantissa = fraction | (1UL << 52);
        // In this range the binary exponent is negative: value = mantissa / 2^k with 3 ≤ k ≤ 56.
        var binaryExponent = (int)(bits >> 52) - 1023;
        var shift = 52 - binaryExponent + 2;
        var lowerMargin = fraction == 0 ? 1u : 2u;
        var inclusive = (mantissa & 1) == 0;

        // Fewest fraction digits with a candidate: 17 significant digits always have one. floor(E·log10 2)
        // is the decimal exponent or one below it, so `high` allows 17 or 18 digits.
        var high = 17 - ((binaryExponent * 78913) >> 18);
        var interval = new RoundingInterval(mantissa, shift, lowerMargin, inclusive);
        // Values that get here mostly need 17 digits: try just below the bound before bisecting.
        var low = high - 1;
        var best = interval.Candidates(low);
        if (!best.Exists)
        {
            low = high;
            best = interval.Candidates(high);
        }
        else if (interval.Candidates(low - 1).Exists)
        {
            // Shorter still: bisect, as a grid of fewer fraction digits is contained in every finer one.
            high = low - 1;
            low = 0;
            while (low < high)
            {
                var middle = (low + high) / 2;
                if (interval.Candidates(middle).Exists)
                {
                    high = middle;
                }
                else
                {
                    low = middle + 1;
                }
            }
            best = interval.Candidates(low);
        }
        if (!best.Exists)
        {
            return false;
        }
        var half = UInt128.One << (shift - 1);
        if ((best.Exact & ((UInt128.One << shift) - 1)) == half)
        {
            return false;
        }
        var digits = Math.Clamp((ulong)((best.Exact + half) >> shift), best.First, best.Last);

        if (value < 0)
        {
            destination[written++] = '-';
        }
        if (low == 0)
        {
            var wholeDigits = DecimalDigits.Count(digits);
            DecimalDigits.Write(digits, wholeDigits, destination[written..]);
            written += wholeDigits;
            return true;
        }
        // All digits at once, at least one of them before the point (0.25 is "025" with 2 fraction digits),
        // one place to the right; then the integer digits move left over that place and the point goes
        // after them. Splitting the digits with a division by the variable 10^low cost more than the move.
        var count = Math.Max(DecimalDigits.Count(digits), low + 1);
        DecimalDigits.Write(digits, count, destination[(written + 1)..]);
        var integerDigits = count - low;
        // Mostly one to three digits: a loop, not a block copy's call.
        for (var i = written; i < written + integerDigits; i++)
        {
            destination[i] = destination[i + 1];
        }
        destination[written + integerDigits] = '.';
        written += count + 1;
        return true;
    }

    /// <summary>The decimals that read back as m/2^k, as numerators over 2^shift (= 4·2^k).</summary>
    private readonly record struct RoundingInterval(ulong Mantissa, int Shift, uint LowerMargin, bool Inclusive)
    {
        /// <summary>The integers t with t/10^f inside the interval, and the exact value scaled by 10^f.</summary>
        public Candidates Candidates(int fractionDigits)
        {
            // The exact value is 4m·10^f; the bounds lie half an ulp above and a half or quarter below.
            var scale = PowersOfTen.UInt64[fractionDigits];
            var exact = Math.BigMul(Mantissa * 4, scale);
            var lower = exact - (LowerMargin == 2 ? (UInt128)scale << 1 : scale);
            var upper = exact + ((UInt128)scale << 1);
            var mask = (UInt128.One << Shift) - 1;
            var first = (lower >> Shift) + ((lower & mask) != 0 || !Inclusive ? UInt128.One : UInt128.Zero);
            var last = (upper >> Shift) - ((upper & mask) == 0 && !Inclusive ? UInt128.One : UInt128.Zero);
            return new Candidates(exact, (ulong)first, (ulong)last, first <= last);
        }
    }

    private readonly record struct Candidates(UInt128 Exact, ulong First, ulong Last, bool Exists);
}
