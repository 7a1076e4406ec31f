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
