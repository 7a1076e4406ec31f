using System.Globalization;
using ChargeWatch.Core.Numbers;

namespace ChargeWatch.Core.Tests.Numbers;

public class DecimalDigitsTests
{
    [Theory]
    [InlineData(0UL, 1)]
    [InlineData(9UL, 1)]
    [InlineData(10UL, 2)]
    [InlineData(99_999_999UL, 8)]
    [InlineData(100_000_000UL, 9)]
    [InlineData(9_999_999_999_999_999_999UL, 19)]
    [InlineData(10_000_000_000_000_000_000UL, 20)]
    [InlineData(ulong.MaxValue, 20)]
    public void Count_Value_IsTheLengthOfItsText(ulong value, int expected) =>
        Assert.Equal(expected, DecimalDigits.Count(value));

    [Fact]
    public void Write_RandomValues_GiveTheFrameworksDigitsPaddedWithZeros()
    {
        var random = new Random(20261127);
        Span<char> text = stackalloc char[24];
        for (var i = 0; i < 100_000; i++)
        {
            var value = (ulong)random.NextInt64() >> random.Next(0, 64);
            var count = DecimalDigits.Count(value);
            Assert.Equal(value.ToString(CultureInfo.InvariantCulture).Length, count);

            var padded = Math.Min(count + random.Next(0, 4), 20);
            text.Fill('x');
            DecimalDigits.Write(value, padded, text);
            Assert.Equal(value.ToString("D" + padded, CultureInfo.InvariantCulture), text[..padded].ToString());
            Assert.Equal('x', text[padded]);
        }
    }

    [Fact]
    public void Write_LargestValue_FillsTwentyDigits()
    {
        Span<char> text = stackalloc char[20];
        DecimalDigits.Write(ulong.MaxValue, 20, text);
        Assert.Equal("18446744073709551615", text.ToString());
    }
}
