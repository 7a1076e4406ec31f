using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Points;
using ChargeWatch.Core.Readings;

namespace ChargeWatch.Core.Tests.Points;

/// <summary>Port lines repeat the escaped text around the port tag from an earlier line of the same reading.</summary>
public class ReadingPointMapperPortLineTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.FromUnixTimeMilliseconds(1783517400000);

    private static string Map(ChargerReading reading, LineProtocolBuffer? lines = null)
    {
        lines ??= new LineProtocolBuffer();
        new ReadingPointMapper().Append(reading, lines);
        return lines.ToString();
    }

    [Fact]
    public void Append_NamesNeedingEscapes_AreEscapedOnEveryPortLine()
    {
        var reading = new ChargerReading(new DeviceKey("s-1", DeviceKind.Charger, "c 1"), At, null, "shed,a=b", null,
            [new PortReading(1, 1.5), new PortReading(2, 2.5), new PortReading(3, 3.5)]);

        Assert.Equal(
            "port,charger=c\\ 1,port=1,shed=shed\\,a\\=b,site=s-1 a=1.5 1783517400000\n" +
            "port,charger=c\\ 1,port=2,shed=shed\\,a\\=b,site=s-1 a=2.5 1783517400000\n" +
            "port,charger=c\\ 1,port=3,shed=shed\\,a\\=b,site=s-1 a=3.5 1783517400000\n" +
            "charger,charger=c\\ 1,shed=shed\\,a\\=b,site=s-1 w=0,a=7.5 1783517400000\n",
            Map(reading));
    }

    [Fact]
    public void Append_FirstPortLineDropped_LaterLinesStillWhole()
    {
        // A port without any finite field gives no line; the next one must not copy from its discarded text.
        var reading = new ChargerReading(new DeviceKey("s-1", DeviceKind.Charger, "c1"), At, null, null, null,
            [new PortReading(1, double.NaN), new PortReading(2, 2), new PortReading(3, double.NaN), new PortReading(4, 4)]);

        Assert.StartsWith(
            "port,charger=c1,port=2,site=s-1 a=2 1783517400000\n" +
            "port,charger=c1,port=4,site=s-1 a=4 1783517400000\n" +
            "charger,",
            Map(reading));
    }

    [Fact]
    public void Append_AfterOtherLinesInTheBuffer_CopiesFromThisReadingsLines()
    {
        var lines = new LineProtocolBuffer(capacity: 8);
        lines.BeginLine("other").Tag("charger", "x").Field("f", 1L).EndLine(1);
        var first = new ChargerReading(new DeviceKey("s-1", DeviceKind.Charger, "c1"), At, null, "a", null, [new PortReading(1, 1), new PortReading(2, 2)]);
        var second = new ChargerReading(new DeviceKey("s-2", DeviceKind.Charger, "c2"), At, null, "b", null, [new PortReading(1, 1), new PortReading(2, 2)]);

        var alone = Map(second);
        Map(first, lines);
        var text = Map(second, lines);

        Assert.EndsWith(alone, text);
        Assert.Contains("port,charger=c1,port=2,shed=a,site=s-1 a=2 1783517400000\n", text);
    }
}
