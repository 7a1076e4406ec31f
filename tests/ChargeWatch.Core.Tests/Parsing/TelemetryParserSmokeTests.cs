using System.Text;
using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Parsing;
using ChargeWatch.Core.Points;

namespace ChargeWatch.Core.Tests.Parsing;

public class TelemetryParserSmokeTests
{
    private static readonly TopicAddress Charger =
        new(new DeviceKey("dongyuan-1", DeviceKind.Charger, "shed-a-c01"), Channel.Telemetry);

    [Fact]
    public void TryParse_ContractChargerExample_MapsToContractLines()
    {
        var payload = """
            {"ts":"2026-07-08T21:30:00.000+08:00","seq":1234,"shed":"shed-a","tempC":35.0,
             "ports":[{"port":1,"state":"charging","v":221.3,"a":1.12,"w":231.5,"wh":512.0,"tempC":31.5},
                      {"port":2,"state":"idle","v":221.3,"a":0.0,"w":0.0,"wh":10.2}]}
            """u8;
        var parser = new TelemetryParser();

        Assert.True(parser.TryParse(Charger, payload, out var reading, out var error), error.ToString());

        var lines = new LineProtocolBuffer();
        Assert.Equal(3, new ReadingPointMapper().Append(reading, lines));
        Assert.Equal(
            "port,charger=shed-a-c01,port=1,shed=shed-a,site=dongyuan-1 v=221.3,a=1.12,w=231.5,wh=512,tempC=31.5,state=\"charging\" 1783517400000\n" +
            "port,charger=shed-a-c01,port=2,shed=shed-a,site=dongyuan-1 v=221.3,a=0,w=0,wh=10.2,state=\"idle\" 1783517400000\n" +
            "charger,charger=shed-a-c01,shed=shed-a,site=dongyuan-1 tempC=35,w=231.5,a=1.12 1783517400000\n",
            lines.ToString());
    }

    [Theory]
    [InlineData("{\"ts\":\"2026-07-08T21:30:00+08:00\",\"ports\":[{\"port\":1,\"a\":-1}]}", RejectReason.OutOfRange, "ports[0].a")]
    [InlineData("{\"ts\":\"2026-07-08T21:30:00+08:00\",\"ports\":[{\"port\":1,\"a\":\"1\"}]}", RejectReason.WrongType, "ports[0].a")]
    [InlineData("{\"ts\":\"2026-07-08T21:30:00\",\"ports\":[]}", RejectReason.InvalidTimestamp, "ts")]
    [InlineData("{\"ts\":\"2026-07-08T21:30:00Z\",\"ports\":[{\"port\":1}]}", RejectReason.MissingField, "ports[0].a")]
    [InlineData("{\"ts\":1783517400000,\"ports\":[{\"port\":1,\"a\":1e999}]}", RejectReason.NotFinite, "ports[0].a")]
    [InlineData("{\"ts\":1783517400000,\"ports\":[{\"port\":1,\"a\":NaN}]}", RejectReason.InvalidJson, null)]
    [InlineData("[1,2]", RejectReason.NotAnObject, "$")]
    public void TryParse_BadCharger_RejectsWithNamedReason(string json, RejectReason reason, string? field)
    {
        var parser = new TelemetryParser();

        Assert.False(parser.TryParse(Charger, Encoding.UTF8.GetBytes(json), out _, out var error));

        Assert.Equal(new ParseError(reason, field), error);
    }
}
