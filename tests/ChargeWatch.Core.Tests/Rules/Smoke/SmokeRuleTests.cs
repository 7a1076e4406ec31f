using ChargeWatch.Core.Alerts;
using ChargeWatch.Core.Tests.Detection;

namespace ChargeWatch.Core.Tests.Rules.Smoke;

public class SmokeRuleTests
{
    [Fact]
    public void OnReading_Smoke_FiresCriticalWithoutValue()
    {
        var run = new EngineRun();

        run.Feed(Make.Sensor(0, smoke: false), Make.Sensor(10, smoke: true), Make.Sensor(20, smoke: true));

        var smoke = Assert.Single(run.Alerts);
        Assert.Equal(AlertSeverity.Critical, smoke.Severity);
        Assert.Null(smoke.Value);
        Assert.Null(smoke.Threshold);
        Assert.Null(smoke.Unit);
        Assert.Equal("Sensor shed-a-s1 in shed-a reports smoke", smoke.Summary);
    }

    [Fact]
    public void OnReading_SmokeFalseFor60s_Resolves()
    {
        var run = new EngineRun();

        run.Feed(Make.Sensor(0, smoke: true)).Every(10, 69, 10, t => Make.Sensor(t, smoke: false));
        Assert.Single(run.Alerts);
        run.Feed(Make.Sensor(70, smoke: false));

        Assert.Equal(AlertStatus.Resolved, run.Alerts[^1].Status);
    }

    [Fact]
    public void OnReading_SmokeComesBackWithinHold_StaysOneAlert()
    {
        var run = new EngineRun();

        run.Feed(Make.Sensor(0, smoke: true), Make.Sensor(30, smoke: false), Make.Sensor(50, smoke: true))
            .Every(60, 100, 10, t => Make.Sensor(t, smoke: false));

        Assert.Single(run.Alerts);
    }
}
