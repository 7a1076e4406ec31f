using ChargeWatch.Core.Points;

namespace ChargeWatch.Core.Tests.Points;

public class LineProtocolBufferTests
{
    [Fact]
    public void EndLine_EscapesTagsAndStrings_PerLineProtocol()
    {
        var lines = new LineProtocolBuffer();

        lines.BeginLine("my measurement").Tag("unit", "6,602 a=b").Field("summary", "say \"hi\" \\ now\nnext").Field("n", 3L).Field("ok", true).EndLine(1);

        Assert.Equal("my\\ measurement,unit=6\\,602\\ a\\=b summary=\"say \\\"hi\\\" \\\\ now next\",n=3i,ok=true 1\n", lines.ToString());
    }

    [Fact]
    public void EndLine_WithoutFields_DropsTheLine()
    {
        var lines = new LineProtocolBuffer();
        lines.BeginLine("a").Tag("t", "1").Field("x", (double?)null).Field("y", double.NaN).EndLine(1);
        lines.BeginLine("b").Field("x", 1.5).EndLine(2);

        Assert.Equal(("b x=1.5 2\n", 1), (lines.ToString(), lines.LineCount));
    }

    [Fact]
    public void Tag_NullOrEmpty_IsOmitted()
    {
        var lines = new LineProtocolBuffer();
        lines.BeginLine("m").Tag("a", null).Tag("b", "").Tag("c", "x").Field("f", 0.1).EndLine(5);

        Assert.Equal("m,c=x f=0.1 5\n", lines.ToString());
    }

    [Fact]
    public void CopyUtf8To_WritesTheSameText()
    {
        var lines = new LineProtocolBuffer();
        lines.BeginLine("m").Tag("unit", "六-602").Field("f", 1e-7).EndLine(5);
        using var stream = new MemoryStream();

        lines.CopyUtf8To(stream);

        Assert.Equal(lines.ToString(), System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}

public class LineProtocolNumberTests
{
    private static string Format(double value)
    {
        var lines = new LineProtocolBuffer();
        lines.BeginLine("m").Field("f", value).EndLine(0);
        var text = lines.ToString();
        return text[(text.IndexOf('=') + 1)..text.LastIndexOf(' ')];
    }

    [Theory]
    [InlineData(221.3, "221.3")]
    [InlineData(1.12, "1.12")]
    [InlineData(0.0, "0")]
    [InlineData(512.0, "512")]
    [InlineData(-3.5, "-3.5")]
    [InlineData(0.001, "0.001")]
    [InlineData(-0.05, "-0.05")]
    [InlineData(81234.25, "81234.25")]
    [InlineData(1e-7, "1E-07")]
    [InlineData(0.1234, "0.1234")]
    public void Field_Double_WritesTheShortestTextThatParsesBack(double value, string expected) =>
        Assert.Equal(expected, Format(value));

    [Fact]
    public void Field_AnyFiniteDouble_ParsesBackToTheSameValue()
    {
        foreach (var value in FiniteDoubles(new Random(20260708), 100_000))
        {
            Assert.Equal(value, double.Parse(Format(value), System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Field_AnyFiniteDouble_IsTheFrameworksShortestText()
    {
        // Byte-for-byte the text InfluxDB has always been sent: the framework's shortest round-trip
        // text, except that negative zero is written "0".
        foreach (var value in FiniteDoubles(new Random(20261127), 200_000))
        {
            var expected = value == 0 ? "0" : value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(expected, Format(value));
        }
    }

    /// <summary>Readings' kind of numbers (a few decimals, the 17 digits of 1.12 + n/100), any magnitude, and any bits.</summary>
    private static IEnumerable<double> FiniteDoubles(Random random, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var value = (i % 5) switch
            {
                0 => Math.Round(random.NextDouble() * 2000 - 1000, random.Next(0, 4)),
                1 => random.NextDouble() * Math.Pow(10, random.Next(-8, 17)),
                2 => 1.12 + random.Next(0, 1000) / 100.0,
                3 => -random.NextDouble() * 1e6,
                _ => BitConverter.Int64BitsToDouble(random.NextInt64()),
            };
            if (double.IsFinite(value))
            {
                yield return value;
            }
        }
    }

    [Fact]
    public void Field_AfterOtherFields_WritesEachWithItsSeparator()
    {
        var lines = new LineProtocolBuffer(64);
        lines.BeginLine("port").Tag("port", "3").Field("v", 221.3).Field("a", 1.1300000000000001).Field("w", (double?)null)
            .Field("wh", 1e-7).Field("t", 1e300).Field("state", "charging").EndLine(1783517400000);

        Assert.Equal("port,port=3 v=221.3,a=1.1300000000000001,wh=1E-07,t=1E+300,state=\"charging\" 1783517400000\n", lines.ToString());
    }
}
