using ChargeWatch.Core.Alerts;
using ChargeWatch.Testing;
using ChargeWatch.Worker.Alerting;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargeWatch.Worker.Tests.Alerting;

public sealed class ActiveAlertsTests : IDisposable
{
    private static readonly DateTimeOffset WallNow = new(2026, 7, 9, 0, 0, 0, TimeSpan.Zero);
    private readonly AlertmanagerAlertFactory _factory = new(new TeamMap(), "http://grafana");
    private readonly string _directory = TempDirectory.Create("active-alerts");

    private string StatePath => Path.Combine(_directory, "active.json");

    [Fact]
    public void Apply_Firing_PostsItAndKeepsItForReposts()
    {
        var active = new ActiveAlerts(StatePath, NullLogger.Instance);
        var alert = TestAlerts.Overcurrent();

        var change = active.Apply(alert.Id, _factory.Create(alert, WallNow), WallNow);

        Assert.Single(change);
        Assert.True(change[0].IsFiring);
        Assert.Single(active.Snapshot());
    }

    [Fact]
    public void Apply_Resolved_PostsTheSameLabelsAndForgetsIt()
    {
        var active = new ActiveAlerts(StatePath, NullLogger.Instance);
        var firing = TestAlerts.Overcurrent();
        var posted = active.Apply(firing.Id, _factory.Create(firing, WallNow), WallNow)[0];

        var change = active.Apply(firing.Id, _factory.Create(TestAlerts.Resolved(firing, TimeSpan.FromMinutes(1)), WallNow.AddMinutes(1)), WallNow.AddMinutes(1));

        Assert.Single(change);
        Assert.False(change[0].IsFiring);
        Assert.True(posted.HasSameLabels(change[0]));
        Assert.Equal(posted.StartsAt, change[0].StartsAt);
        Assert.Empty(active.Snapshot());
    }

    [Fact]
    public void Apply_Escalation_ResolvesTheWarningLabelsAndFiresCritical()
    {
        var active = new ActiveAlerts(StatePath, NullLogger.Instance);
        var warning = TestAlerts.Thermal(AlertSeverity.Warning);
        active.Apply(warning.Id, _factory.Create(warning, WallNow), WallNow);

        var critical = TestAlerts.Thermal(AlertSeverity.Critical);
        var change = active.Apply(critical.Id, _factory.Create(critical, WallNow.AddMinutes(1)), WallNow.AddMinutes(1));

        Assert.Equal(2, change.Count);
        Assert.Equal(("warning", false), (change[0].Labels["severity"], change[0].IsFiring));
        Assert.Equal(("critical", true), (change[1].Labels["severity"], change[1].IsFiring));
        Assert.Equal("critical", Assert.Single(active.Snapshot()).Labels["severity"]);
    }

    [Fact]
    public void Apply_RepeatedFiring_KeepsTheFirstStart()
    {
        var active = new ActiveAlerts(StatePath, NullLogger.Instance);
        var alert = TestAlerts.Overcurrent();
        active.Apply(alert.Id, _factory.Create(alert with { StartsAt = WallNow.AddDays(1) }, WallNow), WallNow);

        var change = active.Apply(alert.Id, _factory.Create(alert with { StartsAt = WallNow.AddDays(1) }, WallNow.AddMinutes(5)), WallNow.AddMinutes(5));

        Assert.Equal(WallNow, change[0].StartsAt);
    }

    [Fact]
    public void Constructor_AfterRestart_KnowsTheFiringAlerts()
    {
        var alert = TestAlerts.Overcurrent();
        var before = new ActiveAlerts(StatePath, NullLogger.Instance);
        before.Apply(alert.Id, _factory.Create(alert, WallNow), WallNow);
        before.SaveIfChanged();

        var restarted = new ActiveAlerts(StatePath, NullLogger.Instance);

        var kept = Assert.Single(restarted.Snapshot());
        Assert.Equal("overcurrent", kept.Labels["alertname"]);
        Assert.Equal(TestAlerts.Start, kept.StartsAt);
    }

    [Fact]
    public void Apply_WithoutSave_LeavesTheFileAlone()
    {
        var alert = TestAlerts.Overcurrent();

        new ActiveAlerts(StatePath, NullLogger.Instance).Apply(alert.Id, _factory.Create(alert, WallNow), WallNow);

        Assert.False(File.Exists(StatePath));
    }

    [Fact]
    public void Constructor_CorruptFile_StartsEmpty()
    {
        File.WriteAllText(StatePath, "{not json");

        Assert.Equal(0, new ActiveAlerts(StatePath, NullLogger.Instance).Count);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
