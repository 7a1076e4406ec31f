using ChargeWatch.Core.Alerts;
using ChargeWatch.Core.Readings;
using ChargeWatch.Core.Tests.Detection;

namespace ChargeWatch.Core.Tests.Rules.Overcharge;

public class OverchargeRuleTests
{
    private const double Hour = 3600;

    [Fact]
    public void OnReading_Drawing25WFor10hAndAMinute_Fires()
    {
        var run = new EngineRun();

        run.Every(0, 10 * Hour + 60, 60, t => Make.Port(t, 0.12, watts: 25));

        var alert = Assert.Single(run.Alerts);
        Assert.Equal("overcharge", alert.Rule);
        Assert.Equal(AlertSeverity.Warning, alert.Severity);
        Assert.Equal(Make.At(10 * Hour + 60), alert.StartsAt);
    }

    [Fact]
    public void OnReading_ExactlyTenHours_DoesNotFire()
    {
        var run = new EngineRun();

        run.Every(0, 10 * Hour, 60, t => Make.Port(t, 0.12, watts: 25));

        Assert.Empty(run.Alerts);
    }

    [Fact]
    public void OnReading_TrickleAt20W_DoesNotFire()
    {
        var run = new EngineRun();

        run.Every(0, 12 * Hour, 300, t => Make.Port(t, 0.09, watts: 20));

        Assert.Empty(run.Alerts);
    }

    [Fact]
    public void OnReading_SessionEndsWithFull_Resolves()
    {
        var run = new EngineRun();

        run.Every(0, 11 * Hour, 300, t => Make.Port(t, 0.5, watts: 100))
            .Feed(Make.Port(11 * Hour + 300, 0.0, state: PortState.Full, watts: 0));

        Assert.Equal([AlertStatus.Firing, AlertStatus.Resolved], run.Alerts.Select(a => a.Status));
    }

    [Fact]
    public void OnReading_TwoSessionsWithIdleBetween_CountSeparately()
    {
        var run = new EngineRun();

        run.Every(0, 6 * Hour, 300, t => Make.Port(t, 0.5, watts: 100))
            .Feed(Make.Port(6 * Hour + 300, 0, state: PortState.Idle, watts: 0))
            .Every(6 * Hour + 600, 12 * Hour, 300, t => Make.Port(t, 0.5, watts: 100));

        Assert.Empty(run.Alerts);
    }
}
