using System.Text;
using ChargeWatch.Core.Points;

namespace ChargeWatch.Core.Tests.Points;

/// <summary>The buffer's own storage and caches: growth, repeated timestamps, remembered plain strings.</summary>
public class LineProtocolBufferStorageTests
{
    [Fact]
    public void EndLine_BeyondTheInitialCapacity_KeepsEveryLine()
    {
        var lines = new LineProtocolBuffer(capacity: 16);
        var expected = new StringBuilder();
        for (var i = 0; i < 500; i++)
        {
            lines.BeginLine("port").Tag("charger", "shed-a-c01").Field("a", i / 8.0).Field("n", (long)i).EndLine(1783517400000 + i);
            expected.Append($"port,charger=shed-a-c01 a={(i / 8.0).ToString(System.Globalization.CultureInfo.InvariantCulture)},n={i}i {1783517400000 + i}\n");
        }

        Assert.Equal((expected.ToString(), 500), (lines.ToString(), lines.LineCount));
    }

    [Fact]
    public void EndLine_AlternatingTimestamps_EachLineGetsItsOwn()
    {
        var lines = new LineProtocolBuffer();
        foreach (var ms in new long[] { 5, 5, 1783517400000, 5, -1, 0 })
        {
            lines.BeginLine("m").Field("f", 1L).EndLine(ms);
        }

        Assert.Equal("m f=1i 5\nm f=1i 5\nm f=1i 1783517400000\nm f=1i 5\nm f=1i -1\nm f=1i 0\n", lines.ToString());
    }

    [Fact]
    public void Clear_ThenNewLines_StartFromEmpty()
    {
        var lines = new LineProtocolBuffer(capacity: 8);
        lines.BeginLine("a").Field("x", 1.5).EndLine(1);
        lines.Clear();
        lines.BeginLine("b").Field("y", 2.5).EndLine(1);

        Assert.Equal(("b y=2.5 1\n", 1, 10), (lines.ToString(), lines.LineCount, lines.Length));
    }

    [Fact]
    public void Tag_PlainStringThenStringsNeedingEscapes_EachEscapedOnItsOwn()
    {
        // Same length and first character: the same slot of the remembered plain strings.
        var plain = "ab";
        var comma = "a,";
        var space = new string(['a', ' ']);
        var lines = new LineProtocolBuffer();
        for (var i = 0; i < 2; i++)
        {
            lines.BeginLine("m").Tag(plain, plain).Tag("t", comma).Tag("u", space).Field(comma, 1L).EndLine(1);
        }

        Assert.Equal("m,ab=ab,t=a\\,,u=a\\  a\\,=1i 1\nm,ab=ab,t=a\\,,u=a\\  a\\,=1i 1\n", lines.ToString());
    }

    [Fact]
    public void BeginLine_MeasurementWithEquals_IsNotEscapedLikeATag()
    {
        var lines = new LineProtocolBuffer();
        lines.BeginLine("a=b").Tag("k", "a=b").Field("f", 1L).EndLine(1);
        lines.BeginLine("a=b").Field("f", 1L).EndLine(2);

        Assert.Equal("a=b,k=a\\=b f=1i 1\na=b f=1i 2\n", lines.ToString());
    }

    [Fact]
    public void CopyUtf8To_SurrogatePairAcrossTheEncodingChunk_IsKeptWhole()
    {
        var lines = new LineProtocolBuffer();
        // "m x=\"" is 5 characters; 4090 more put the pair at characters 4095 and 4096.
        lines.BeginLine("m").Field("x", new string('a', 4090) + "😀" + new string('b', 5000)).EndLine(1);
        using var stream = new MemoryStream();

        var written = lines.CopyUtf8To(stream);

        Assert.Equal(lines.ToString(), Encoding.UTF8.GetString(stream.ToArray()));
        Assert.Equal(Encoding.UTF8.GetByteCount(lines.ToString()), written);
    }

    [Theory]
    [InlineData(0.5, "0.5")]
    [InlineData(-1000000.001, "-1000000.001")]
    [InlineData(999999999999.999, "999999999999.999")]
    [InlineData(1e12, "1000000000000")]
    [InlineData(10.01, "10.01")]
    [InlineData(-0.0, "0")]
    public void Field_DoubleWithFewDecimals_IsWrittenFromItsDigits(double value, string expected)
    {
        var lines = new LineProtocolBuffer();
        lines.BeginLine("m").Field("f", value).EndLine(0);

        Assert.Equal($"m f={expected} 0\n", lines.ToString());
    }
}
