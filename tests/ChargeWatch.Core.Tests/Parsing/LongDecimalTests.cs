using System.Globalization;
using System.Text;
using ChargeWatch.Core.Parsing;

namespace ChargeWatch.Core.Tests.Parsing;

public class LongDecimalTests
{
    private static double? Compose(string text)
    {
        var negative = text.StartsWith('-');
        var unsigned = negative ? text[1..] : text;
        var point = unsigned.IndexOf('.', StringComparison.Ordinal);
        var fractionDigits = point < 0 ? 0 : unsigned.Length - point - 1;
        var digits = ulong.Parse(unsigned.Replace(".", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
        return LongDecimal.TryCompose(digits, fractionDigits, negative, out var value) ? value : null;
    }

    [Theory]
    [InlineData("1.1300000000000001")]
    [InlineData("1.2000000000000002")]
    [InlineData("-8.530000000000001")]
    [InlineData("1234567.8901234567")]
    [InlineData("0.0009765625000000001")]
    [InlineData("4503599627370495.5")]
    public void TryCompose_LongDecimal_IsTheFrameworksDouble(string text) =>
        Assert.Equal(double.Parse(text, CultureInfo.InvariantCulture), Compose(text));

    [Theory]
    [InlineData("9007199254740993")]
    [InlineData("0.0000000000000000001")]
    [InlineData("0")]
    public void TryCompose_OutsideItsRange_LeavesItToTheFramework(string text) =>
        Assert.Null(Compose(text));

    [Fact]
    public void TryCompose_RandomLongDecimals_EqualDoubleParse()
    {
        var random = new Random(20261127);
        var composed = 0;
        for (var i = 0; i < 200_000; i++)
        {
            var digitCount = random.Next(16, LongDecimal.MaxDigits + 1);
            var text = new StringBuilder();
            text.Append(random.Next(1, 10));
            for (var d = 1; d < digitCount; d++)
            {
                // Runs of zeros and nines make values next to, or exactly between, two doubles likelier.
                text.Append((i % 3) switch { 0 => random.Next(10), 1 => d < digitCount - 2 ? 0 : random.Next(10), _ => d < digitCount - 2 ? 9 : random.Next(10) });
            }
            var point = random.Next(digitCount - 15, digitCount);
            text.Insert(text.Length - point, '.');
            if (text[0] == '.')
            {
                text.Insert(0, '0');
            }
            if (random.Next(2) == 0)
            {
                text.Insert(0, '-');
            }
            var s = text.ToString();
            if (Compose(s) is { } value)
            {
                composed++;
                Assert.Equal(double.Parse(s, CultureInfo.InvariantCulture), value);
            }
        }

        Assert.InRange(composed, 150_000, 200_000);
    }

    [Theory]
    // Around 2^50 doubles are 0.25 apart: these decimals lie exactly halfway between two of them.
    [InlineData("1125899906842624.125", 1125899906842624.0)]
    [InlineData("1125899906842624.375", 1125899906842624.5)]
    [InlineData("1125899906842624.625", 1125899906842624.5)]
    [InlineData("-1125899906842624.875", -1125899906842625.0)]
    public void TryCompose_ExactMidpoint_RoundsHalfToEven(string text, double expected)
    {
        Assert.Equal(expected, Compose(text));
        Assert.Equal(double.Parse(text, CultureInfo.InvariantCulture), Compose(text));
    }
}
