using System.Numerics;

namespace ChargeWatch.Core.Numbers;

/// <summary>
/// Decimal digits of an integer, written two at a time from a table and in independent chunks of
/// eight. Dividing by ten once per digit makes one long chain of dependent multiplications: for the
/// 17 digits of <c>1.1300000000000001</c> that chain was most of the time spent formatting it.
/// </summary>
internal static class DecimalDigits
{
    private const uint Eight = 100_000_000;

    // "00", "01", … "99" back to back: the two characters of n at 2n.
    private static ReadOnlySpan<byte> Pairs => "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"u8;

    /// <summary>How many digits <paramref name="value"/> has (1 for 0).</summary>
    public static int Count(ulong value)
    {
        // log2 · log10(2) (1233 / 4096) is the digit count or one less; one comparison settles it.
        value |= 1;
        var guess = ((BitOperations.Log2(value) + 1) * 1233) >> 12;
        return guess + (value >= PowersOfTen.UInt64[guess] ? 1 : 0);
    }

    /// <summary>
    /// Writes exactly <paramref name="count"/> digits of <paramref name="value"/> (which is below
    /// 10^count) into the start of <paramref name="destination"/>, with leading zeros.
    /// </summary>
    public static void Write(ulong value, int count, Span<char> destination)
    {
        destination = destination[..count];
        while (count > 8)
        {
            var rest = value / Eight;
            WriteEight((uint)(value - rest * Eight), destination.Slice(count - 8, 8));
            value = rest;
            count -= 8;
        }
        var small = (uint)value;
        while (count >= 2)
        {
            var rest = small / 100;
            WritePair(small - rest * 100, destination.Slice(count - 2, 2));
            small = rest;
            count -= 2;
        }
        if (count == 1)
        {
            destination[0] = (char)('0' + small);
        }
    }

    private static void WriteEight(uint value, Span<char> destination)
    {
        // Two halves of four digits, each two pairs: four short chains instead of one of eight.
        var high = value / 10000;
        var low = value - high * 10000;
        var highPair = high / 100;
        var lowPair = low / 100;
        WritePair(highPair, destination[..2]);
        WritePair(high - highPair * 100, destination.Slice(2, 2));
        WritePair(lowPair, destination.Slice(4, 2));
        WritePair(low - lowPair * 100, destination.Slice(6, 2));
    }

    private static void WritePair(uint value, Span<char> destination)
    {
        var pairs = Pairs;
        destination[1] = (char)pairs[(int)(value * 2 + 1)];
        destination[0] = (char)pairs[(int)(value * 2)];
    }
}
