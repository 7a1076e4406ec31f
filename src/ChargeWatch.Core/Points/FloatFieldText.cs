using System.Globalization;
using System.Runtime.CompilerServices;
using ChargeWatch.Core.Numbers;

namespace ChargeWatch.Core.Points;

/// <summary>
/// The text of a float field: the framework's shortest round-trip text (negative zero as "0"), by
/// the cheapest route that gives it. Written into a span the caller has reserved, so that a field's
/// key and value go into the buffer in one piece.
/// </summary>
internal static class FloatFieldText
{
    /// <summary>Room any finite double needs (<see cref="ShortestDecimal"/> asks for 40).</summary>
    public const int MaxLength = 40;

    /// <summary>
    /// Meter readings mostly carry up to three decimals (221.3, 1.12). When thousandths hold the value
    /// exactly, it is written from an integer — several times faster than shortest round-trip
    /// formatting, and the same text parses back to the same double. Other values between 0.1 and
    /// 10^15 get <see cref="ShortestDecimal"/>; the rest the framework's general path.
    /// </summary>
    public static int Write(double value, Span<char> destination)
    {
        const double Scale = 1000;
        var scaled = Math.Round(value * Scale);
        if (Math.Abs(scaled) < 1e15 && scaled / Scale == value)
        {
            return WriteThousandths((long)scaled, destination);
        }
        if (ShortestDecimal.TryFormat(value, destination, out var written))
        {
            return written;
        }
        value.TryFormat(destination, out written, default, CultureInfo.InvariantCulture);
        return written;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int WriteThousandths(long thousandths, Span<char> destination)
    {
        // 1e15 thousandths: at most 12 integer digits, a sign, a point and 3 decimals.
        var at = 0;
        if (thousandths < 0)
        {
            destination[at++] = '-';
            thousandths = -thousandths;
        }
        var whole = (ulong)thousandths / 1000;
        var fraction = (uint)((ulong)thousandths - whole * 1000);
        at += WriteWhole(whole, destination[at..]);
        if (fraction != 0)
        {
            destination[at++] = '.';
            destination[at++] = (char)('0' + fraction / 100);
            fraction %= 100;
            if (fraction != 0)
            {
                destination[at++] = (char)('0' + fraction / 10);
                fraction %= 10;
                if (fraction != 0)
                {
                    destination[at++] = (char)('0' + fraction);
                }
            }
        }
        return at;
    }

    /// <summary>
    /// The integer part, usually of one to four digits: counted by comparisons and written with a
    /// short loop, cheaper at that size than <see cref="DecimalDigits"/>' table and chunks.
    /// </summary>
    private static int WriteWhole(ulong value, Span<char> destination)
    {
        var count = value < 10 ? 1 : value < 100 ? 2 : value < 1000 ? 3 : value < 10000 ? 4 : DecimalDigits.Count(value);
        for (var i = count - 1; i > 0; i--)
        {
            var next = value / 10;
            destination[i] = (char)('0' + (value - next * 10));
            value = next;
        }
        destination[0] = (char)('0' + value);
        return count;
    }
}
