using ChargeWatch.Core.Alerts;
using ChargeWatch.Core.Rules.ThermalRise;
using ChargeWatch.Core.Tests.Detection;

namespace ChargeWatch.Core.Tests.Rules.ThermalRise;

public class ThermalRiseRuleTests
{
    [Fact]
    public void OnReading_FiveDegreesIn60s_Fires()
    {
        var run = new EngineRun();

        run.Every(0, 60, 10, t => Make.Port(t, 1.0, tempC: 30 + t / 12));

        var rise = Assert.Single(run.Alerts);
        Assert.Equal(ThermalRiseRule.Id, rise.Rule);
        Assert.Equal(Make.At(60), rise.StartsAt);
        Assert.Equal(5.0, rise.Value!.Value, 6);
    }

    [Fact]
    public void OnReading_FiveDegreesOver70s_DoesNotFire()
    {
        var run = new EngineRun();

        run.Every(0, 700, 10, t => Make.Port(t, 1.0, tempC: 30 + t / 14));

        Assert.Empty(run.Of(ThermalRiseRule.Id));
    }

    [Fact]
    public void OnReading_DipThenRise_MeasuresFromTheLowest()
    {
        var run = new EngineRun();

        run.Feed(Make.Sensor(0, tempC: 35), Make.Sensor(20, tempC: 31), Make.Sensor(40, tempC: 33), Make.Sensor(60, tempC: 36.2));

        var rise = Assert.Single(run.Alerts);
        Assert.Equal(5.2, rise.Value!.Value, 3);
    }

    [Fact]
    public void OnReading_FastSamplingLongRise_StillFires()
    {
        var run = new EngineRun();

        // One sample a second: more than the window's 16 slots, the minimum must survive.
        run.Every(0, 60, 1, t => Make.Sensor(t, tempC: 30 + t / 12));

        Assert.Single(run.Of(ThermalRiseRule.Id));
    }

    [Fact]
    public void OnReading_NoRiseFor5Min_Resolves()
    {
        var run = new EngineRun();

        run.Feed(Make.Sensor(0, tempC: 30), Make.Sensor(30, tempC: 36))
            .Every(40, 360, 10, t => Make.Sensor(t, tempC: 36));
        Assert.Single(run.Alerts);
        run.Feed(Make.Sensor(370, tempC: 36));

        // The 30 °C sample leaves the 60 s window at 70 s: quiet from then, resolved 5 min later.
        Assert.Equal(AlertStatus.Resolved, run.Alerts[^1].Status);
        Assert.Equal(Make.At(370), run.Alerts[^1].EndsAt);
    }
}
