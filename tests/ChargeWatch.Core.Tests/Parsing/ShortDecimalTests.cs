using System.Globalization;
using System.Text;
using ChargeWatch.Core.Parsing;

namespace ChargeWatch.Core.Tests.Parsing;

public class ShortDecimalTests
{
    private static double? Parse(string text) =>
        ShortDecimal.TryParse(Encoding.ASCII.GetBytes(text), out var value) ? value : null;

    [Theory]
    [InlineData("0", 0.0)]
    [InlineData("221.3", 221.3)]
    [InlineData("1.12", 1.12)]
    [InlineData("-0.05", -0.05)]
    [InlineData("4098", 4098.0)]
    [InlineData("0.00000000000001", 1e-14)]
    [InlineData("999999999999999", 999999999999999.0)]
    [InlineData("99999999999.9999", 99999999999.9999)]
    public void TryParse_ShortPlainDecimal_IsTheFrameworksDouble(string text, double expected) =>
        Assert.Equal(expected, Parse(text));

    [Fact]
    public void TryParse_MinusZero_IsNegativeZero()
    {
        Assert.True(double.IsNegative(Parse("-0")!.Value));
        Assert.True(double.IsNegative(Parse("-0.0")!.Value));
    }

    [Theory]
    [InlineData("1.1300000000000001")]
    [InlineData("1234567890123456")]
    [InlineData("0.0000000000000001")]
    [InlineData("1e3")]
    [InlineData("1E-7")]
    [InlineData("2.5e+2")]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("1.2.3")]
    [InlineData("NaN")]
    public void TryParse_LongOrExponentOrNotPlain_LeavesItToTheFramework(string text) =>
        Assert.Null(Parse(text));

    [Fact]
    public void TryParse_RandomShortDecimals_EqualDoubleParse()
    {
        var random = new Random(20261127);
        for (var i = 0; i < 200_000; i++)
        {
            var digits = random.Next(1, 16);
            var text = new StringBuilder();
            if (random.Next(2) == 0)
            {
                text.Append('-');
            }
            text.Append(random.Next(1, 10));
            for (var d = 1; d < digits; d++)
            {
                text.Append(random.Next(10));
            }
            var point = random.Next(0, digits);
            if (point > 0)
            {
                text.Insert(text.Length - point, '.');
            }
            var s = text.ToString();

            Assert.Equal(double.Parse(s, CultureInfo.InvariantCulture), Parse(s));
        }
    }
}
