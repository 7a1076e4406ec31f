using System.Text;
using ChargeWatch.Core.Alerts;
using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Points;

namespace ChargeWatch.Core.Tests.Alerts;

public class AlertJsonTests
{
    private static readonly DeviceKey Charger = new("dongyuan-1", DeviceKind.Charger, "shed-a-c01");

    private static AlertMessage ContractExample() => new()
    {
        Id = AlertId.For("overcurrent", Charger, 3),
        Rule = "overcurrent",
        Status = AlertStatus.Firing,
        Severity = AlertSeverity.Critical,
        Device = Charger,
        Port = 3,
        StartsAt = new DateTimeOffset(2026, 7, 8, 21, 30, 9, TimeSpan.FromHours(8)),
        ChangedAt = new DateTimeOffset(2026, 7, 8, 21, 30, 9, TimeSpan.FromHours(8)),
        Value = 10.0,
        Threshold = 4.0,
        Unit = "A",
        Summary = "Port 3 of shed-a-c01 drew 10.0 A (2.5x its rated 4.0 A)",
    };

    [Fact]
    public void ToUtf8_ContractExample_IsTheContractMessage()
    {
        Assert.Equal(
            """{"id":"overcurrent|dongyuan-1|charger|shed-a-c01|3","rule":"overcurrent","status":"firing","severity":"critical","site":"dongyuan-1","kind":"charger","device":"shed-a-c01","port":3,"startsAt":"2026-07-08T21:30:09.000+08:00","endsAt":null,"value":10,"threshold":4,"unit":"A","confidence":1,"summary":"Port 3 of shed-a-c01 drew 10.0 A (2.5x its rated 4.0 A)"}""",
            Encoding.UTF8.GetString(AlertJson.ToUtf8(ContractExample())));
    }

    [Fact]
    public void ToUtf8_ResolvedWithoutPortOrValue_WritesNullsAndOmitsPort()
    {
        var resolved = ContractExample() with
        {
            Id = "offline|dongyuan-1|charger|shed-a-c01",
            Rule = "offline",
            Port = null,
            Value = null,
            Threshold = null,
            Unit = null,
            Status = AlertStatus.Resolved,
            EndsAt = new DateTimeOffset(2026, 7, 8, 22, 0, 0, TimeSpan.FromHours(8)),
        };

        var json = Encoding.UTF8.GetString(AlertJson.ToUtf8(resolved));

        Assert.DoesNotContain("\"port\"", json);
        Assert.Contains("\"status\":\"resolved\"", json);
        Assert.Contains("\"endsAt\":\"2026-07-08T22:00:00.000+08:00\",\"value\":null,\"threshold\":null,\"unit\":null", json);
    }

    [Fact]
    public void AlertPointMapper_ContractExample_FollowsSchema()
    {
        var lines = new LineProtocolBuffer();

        AlertPointMapper.Append(ContractExample(), lines);

        Assert.Equal(
            "alert,device=shed-a-c01,kind=charger,rule=overcurrent,severity=critical,site=dongyuan-1 status=\"firing\",value=10,threshold=4,summary=\"Port 3 of shed-a-c01 drew 10.0 A (2.5x its rated 4.0 A)\",id=\"overcurrent|dongyuan-1|charger|shed-a-c01|3\",port=3i,confidence=1 1783517409000\n",
            lines.ToString());
    }
}
