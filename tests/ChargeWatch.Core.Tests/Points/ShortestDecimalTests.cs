using System.Globalization;
using ChargeWatch.Core.Points;

namespace ChargeWatch.Core.Tests.Points;

public class ShortestDecimalTests
{
    private static string? Format(double value)
    {
        Span<char> text = stackalloc char[64];
        return ShortestDecimal.TryFormat(value, text, out var written) ? text[..written].ToString() : null;
    }

    [Theory]
    [InlineData(1.1300000000000001, "1.1300000000000001")]
    [InlineData(1.2000000000000002, "1.2000000000000002")]
    [InlineData(0.1234, "0.1234")]
    [InlineData(-8.530000000000001, "-8.530000000000001")]
    [InlineData(0.1, "0.1")]
    [InlineData(2.0, "2")]
    [InlineData(0.5, "0.5")]
    [InlineData(123456789012345.6, "123456789012345.6")]
    [InlineData(999999999999999.9, "999999999999999.9")]
    [InlineData(3.141592653589793, "3.141592653589793")]
    public void TryFormat_Value_IsTheFrameworksShortestText(double value, string expected) =>
        Assert.Equal(expected, Format(value));

    [Theory]
    [InlineData(0.09999999999999999)]
    [InlineData(1e15)]
    [InlineData(-2e15)]
    [InlineData(0.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void TryFormat_OutsideItsRange_LeavesItToTheFramework(double value) =>
        Assert.Null(Format(value));

    [Fact]
    public void TryFormat_PowersOfTwo_UseTheNarrowerGapBelow()
    {
        // At a power of two the next smaller double is half as far away as the next larger one.
        for (var exponent = -3; exponent < 50; exponent++)
        {
            var value = Math.ScaleB(1.0, exponent);
            Assert.Equal(value.ToString(CultureInfo.InvariantCulture), Format(value));
            var above = Math.BitIncrement(value);
            Assert.Equal(above.ToString(CultureInfo.InvariantCulture), Format(above));
            var below = Math.BitDecrement(value);
            if (below >= 0.1)
            {
                Assert.Equal(below.ToString(CultureInfo.InvariantCulture), Format(below));
            }
        }
    }

    [Fact]
    public void TryFormat_RandomValues_MatchTheFrameworkExactly()
    {
        var random = new Random(20261127);
        var formatted = 0;
        for (var i = 0; i < 400_000; i++)
        {
            var value = (i % 4) switch
            {
                0 => 1.12 + random.Next(0, 1000) / 100.0 * (random.Next(2) == 0 ? 1 : 3.3),
                1 => random.NextDouble() * Math.Pow(10, random.Next(-1, 15)),
                2 => Math.Round(random.NextDouble() * 1000, random.Next(4, 9)),
                _ => BitConverter.Int64BitsToDouble(random.NextInt64(BitConverter.DoubleToInt64Bits(0.1), BitConverter.DoubleToInt64Bits(1e15))),
            };
            if (random.Next(2) == 0)
            {
                value = -value;
            }
            if (Format(value) is { } text)
            {
                formatted++;
                Assert.Equal(value.ToString(CultureInfo.InvariantCulture), text);
            }
        }

        Assert.InRange(formatted, 350_000, 400_000);
    }
}
