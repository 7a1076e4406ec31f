using ChargeWatch.Core.Alerts;
using ChargeWatch.Worker.Alerting;
using System.Text.Json;

namespace ChargeWatch.Worker.Tests.Alerting;

public sealed class AlertmanagerAlertFactoryTests
{
    private static readonly DateTimeOffset WallNow = new(2026, 7, 9, 0, 0, 0, TimeSpan.Zero);
    private readonly AlertmanagerAlertFactory _factory = new(new TeamMap(), "http://grafana.example:3000/");

    [Fact]
    public void Create_PortAlert_LabelsIdentifyAndRouteIt()
    {
        var alert = _factory.Create(TestAlerts.Overcurrent(), WallNow);

        Assert.Equal(new SortedDictionary<string, string>
        {
            ["alertname"] = "overcurrent",
            ["device"] = "shed-a-c01",
            ["kind"] = "charger",
            ["port"] = "3",
            ["severity"] = "critical",
            ["shed"] = "shed-a",
            ["site"] = "dongyuan-1",
            ["team"] = "shed-operator",
        }, alert.Labels);
    }

    [Fact]
    public void Create_TwoReadingsOfOneCondition_SameLabels()
    {
        var first = _factory.Create(TestAlerts.Overcurrent(), WallNow);
        var later = _factory.Create(TestAlerts.Overcurrent() with { Value = 14.2, Summary = "other text" }, WallNow.AddMinutes(3));

        Assert.True(first.HasSameLabels(later));
    }

    [Fact]
    public void Create_Annotations_CarryEvidenceAndDashboardLink()
    {
        var alert = _factory.Create(TestAlerts.Overcurrent(), WallNow);

        Assert.Equal("Port 3 of shed-a-c01 drew 10.0 A (2.5x its rated 4.0 A)", alert.Annotations["summary"]);
        Assert.Contains("Measured 10.0 A against a limit of 4.0 A", alert.Annotations["description"], StringComparison.Ordinal);
        Assert.Contains("Port 3 of charger shed-a-c01 in shed shed-a at site dongyuan-1", alert.Annotations["description"], StringComparison.Ordinal);
        Assert.Contains("started 2026-07-08T21:30:09.000+08:00", alert.Annotations["description"], StringComparison.Ordinal);
        Assert.StartsWith("http://grafana.example:3000/d/chargewatch-shed?var-site=dongyuan-1&var-shed=shed-a&var-device=shed-a-c01&from=",
            alert.Annotations["dashboard"], StringComparison.Ordinal);
        Assert.EndsWith("&to=now", alert.Annotations["dashboard"], StringComparison.Ordinal);
        Assert.Equal(alert.Annotations["dashboard"], alert.GeneratorUrl);
        Assert.Equal("overcurrent|dongyuan-1|charger|shed-a-c01|3", alert.Annotations["alert_id"]);
    }

    [Fact]
    public void Create_CutoffNote_StatedInDescription()
    {
        var alert = _factory.Create(TestAlerts.Overcurrent(), WallNow, "Protective cut-off: cut sent to port 3 of shed-a-c01.");

        Assert.EndsWith("Protective cut-off: cut sent to port 3 of shed-a-c01.", alert.Annotations["description"], StringComparison.Ordinal);
        Assert.Equal("Protective cut-off: cut sent to port 3 of shed-a-c01.", alert.Annotations["cutoff"]);
    }

    [Fact]
    public void Create_Firing_HasNoEndOfItsOwn()
    {
        var alert = _factory.Create(TestAlerts.Overcurrent(), WallNow);

        Assert.True(alert.IsFiring);
        Assert.Equal(TestAlerts.Start, alert.StartsAt);
    }

    [Fact]
    public void Create_Resolved_EndsAtWallTimeWithSameLabels()
    {
        var firing = _factory.Create(TestAlerts.Overcurrent(), WallNow);
        var resolved = _factory.Create(TestAlerts.Resolved(TestAlerts.Overcurrent(), TimeSpan.FromMinutes(2)), WallNow.AddMinutes(5));

        Assert.Equal(WallNow.AddMinutes(5), resolved.ResolvedAt);
        Assert.True(firing.HasSameLabels(resolved));
        Assert.Contains("ended 2026-07-08T21:32:09.000+08:00", resolved.Annotations["description"], StringComparison.Ordinal);
        Assert.Contains("&to=", resolved.Annotations["dashboard"], StringComparison.Ordinal);
        Assert.DoesNotContain("to=now", resolved.Annotations["dashboard"], StringComparison.Ordinal);
    }

    [Fact]
    public void Create_EventTimeAheadOfWallClock_StartsNow()
    {
        var future = TestAlerts.Overcurrent() with { StartsAt = WallNow.AddDays(30), ChangedAt = WallNow.AddDays(30) };

        var alert = _factory.Create(future, WallNow);

        Assert.Equal(WallNow, alert.StartsAt);
    }

    [Theory]
    [InlineData("flywire.household", GrafanaLinks.FlywireDashboard)]
    [InlineData("smoke", GrafanaLinks.ShedDashboard)]
    public void DashboardFor_Rule_PicksTheDashboardShowingIt(string rule, string uid) =>
        Assert.Equal(uid, GrafanaLinks.DashboardFor(TestAlerts.Smoke() with { Rule = rule }));

    [Fact]
    public void DashboardFor_DeviceWithoutShed_AlertsDashboard() =>
        Assert.Equal(GrafanaLinks.AlertsDashboard, GrafanaLinks.DashboardFor(TestAlerts.Smoke(shed: null)));

    [Fact]
    public void For_SensorInShed_ShedDashboardWithoutPileVariable() =>
        Assert.StartsWith("http://g/d/chargewatch-shed?var-site=dongyuan-1&var-shed=shed-a&from=",
            GrafanaLinks.For("http://g", TestAlerts.Smoke()), StringComparison.Ordinal);

    [Fact]
    public void For_Flywire_FlywireDashboardOnTheMeter() =>
        Assert.StartsWith("http://g/d/chargewatch-flywire?var-site=dongyuan-1&var-device=6-602&from=",
            GrafanaLinks.For("http://g", TestAlerts.Smoke() with
            {
                Rule = "flywire.household",
                Device = new ChargeWatch.Core.Contract.DeviceKey("dongyuan-1", ChargeWatch.Core.Contract.DeviceKind.Meter, "6-602"),
                Shed = null,
            }), StringComparison.Ordinal);

    [Fact]
    public void For_NoShed_AlertsDashboardOnTheRule() =>
        Assert.StartsWith("http://g/d/chargewatch-alerts?var-site=dongyuan-1&var-rule=smoke&from=",
            GrafanaLinks.For("http://g", TestAlerts.Smoke(shed: null)), StringComparison.Ordinal);

    [Fact]
    public void ToUtf8_Firing_EndsAheadOfEachPost()
    {
        var alert = _factory.Create(TestAlerts.Overcurrent(), WallNow);

        var body = AlertmanagerJson.ToUtf8([alert], WallNow.AddMinutes(1), TimeSpan.FromMinutes(5));

        using var json = JsonDocument.Parse(body);
        var posted = json.RootElement[0];
        Assert.Equal("2026-07-08T13:30:09.000Z", posted.GetProperty("startsAt").GetString());
        Assert.Equal("2026-07-09T00:06:00.000Z", posted.GetProperty("endsAt").GetString());
        Assert.Equal("team", posted.GetProperty("labels").EnumerateObject().Last().Name);
        Assert.Equal(alert.GeneratorUrl, posted.GetProperty("generatorURL").GetString());
    }

    [Fact]
    public void ToUtf8_Resolved_EndsWhenItResolved()
    {
        var resolved = _factory.Create(TestAlerts.Resolved(TestAlerts.Overcurrent(), TimeSpan.FromMinutes(2)), WallNow);

        var body = AlertmanagerJson.ToUtf8([resolved], WallNow.AddHours(1), TimeSpan.FromMinutes(5));

        using var json = JsonDocument.Parse(body);
        Assert.Equal("2026-07-09T00:00:00.000Z", json.RootElement[0].GetProperty("endsAt").GetString());
    }

    [Fact]
    public void Describe_UncertainRule_StatesConfidence()
    {
        var flywire = TestAlerts.Overcurrent() with { Rule = "flywire.household", Confidence = 0.8, Value = null, Threshold = null };

        var text = AlertmanagerAlertFactory.Describe(flywire, cutoffNote: null);

        Assert.Contains("Confidence 0.80.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Measured", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_SeverityLabel_FollowsEscalation()
    {
        var warning = _factory.Create(TestAlerts.Thermal(AlertSeverity.Warning), WallNow);
        var critical = _factory.Create(TestAlerts.Thermal(AlertSeverity.Critical), WallNow);

        Assert.Equal("warning", warning.Labels["severity"]);
        Assert.Equal("critical", critical.Labels["severity"]);
        Assert.False(warning.HasSameLabels(critical));
    }
}
