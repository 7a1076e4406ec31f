using ChargeWatch.Core.Alerts;
using ChargeWatch.Core.Rules.ThermalHigh;
using ChargeWatch.Core.Tests.Detection;

namespace ChargeWatch.Core.Tests.Rules.ThermalHigh;

public class ThermalHighRuleTests
{
    [Fact]
    public void OnReading_JustBelowWarning_DoesNotFire()
    {
        var run = new EngineRun();

        run.Every(0, 300, 10, t => Make.Port(t, 1.0, tempC: 59.9));

        Assert.Empty(run.Alerts);
    }

    [Fact]
    public void OnReading_AtWarningThenCritical_FiresThenEscalatesSameId()
    {
        var run = new EngineRun();

        run.Feed(Make.Port(0, 1.0, tempC: 60.0), Make.Port(10, 1.0, tempC: 70.0), Make.Port(20, 1.0, tempC: 75.0), Make.Port(30, 1.0, tempC: 80.0));

        var messages = run.Of(ThermalHighRule.Id).ToList();
        Assert.Equal(2, messages.Count);
        Assert.Equal(AlertSeverity.Warning, messages[0].Severity);
        Assert.Equal(AlertSeverity.Critical, messages[1].Severity);
        Assert.Equal(messages[0].Id, messages[1].Id);
        Assert.Equal(Make.At(0), messages[1].StartsAt);
        Assert.Equal(75.0, messages[1].Threshold);
        Assert.Equal("Port 3 of shed-a-c01 is at 75.0 °C (limit 75 °C)", messages[1].Summary);
    }

    [Fact]
    public void OnReading_CoolsTo56_StaysFiring()
    {
        var run = new EngineRun();

        run.Feed(Make.Port(0, 1.0, tempC: 61)).Every(10, 600, 10, t => Make.Port(t, 1.0, tempC: 56));

        Assert.Single(run.Alerts);
    }

    [Fact]
    public void OnReading_FiveBelowFor60s_Resolves()
    {
        var run = new EngineRun();

        run.Feed(Make.Port(0, 1.0, tempC: 61)).Every(10, 60, 10, t => Make.Port(t, 1.0, tempC: 55));
        Assert.Single(run.Alerts);
        run.Feed(Make.Port(70, 1.0, tempC: 55));

        Assert.Equal(AlertStatus.Resolved, run.Alerts[^1].Status);
        Assert.Equal(Make.At(70), run.Alerts[^1].EndsAt);
    }

    [Fact]
    public void OnReading_FlappingAroundTheLimit_FiresOnce()
    {
        var run = new EngineRun();

        run.Every(0, 600, 10, t => Make.Port(t, 1.0, tempC: (int)t / 10 % 2 == 0 ? 60.5 : 59.5));

        Assert.Single(run.Alerts);
    }

    [Fact]
    public void OnReading_CabinetAndSensor_FireWithoutPort()
    {
        var run = new EngineRun();

        run.Feed(Make.Cabinet(0, 66), Make.Sensor(0, tempC: 80));

        Assert.Equal(2, run.Alerts.Count);
        Assert.All(run.Alerts, a => Assert.Null(a.Port));
        Assert.Equal("Cabinet of shed-a-c01 is at 66.0 °C (limit 60 °C)", run.Alerts[0].Summary);
        Assert.Equal(AlertSeverity.Critical, run.Alerts[1].Severity);
    }

    [Fact]
    public void OnReading_SiteLimitsOverridden_UsesThem()
    {
        var builder = new Core.Sites.SiteSettingsBuilder();
        builder.Site(Make.Site).Configure<ThermalHighOptions>(o => o.WarningC = 50);
        var run = new EngineRun(builder.Build());

        run.Feed(Make.Port(0, 1.0, tempC: 52));

        Assert.Equal(50, Assert.Single(run.Alerts).Threshold);
    }
}
