using ChargeWatch.Core.Alerts;
using ChargeWatch.Core.Tests.Detection;

namespace ChargeWatch.Core.Tests.Rules.Leakage;

public class LeakageRuleTests
{
    [Theory]
    [InlineData(14.9, null)]
    [InlineData(15.0, AlertSeverity.Warning)]
    [InlineData(29.9, AlertSeverity.Warning)]
    [InlineData(30.0, AlertSeverity.Critical)]
    public void OnReading_ResidualCurrent_FiresAtTheContractLevels(double leakMa, AlertSeverity? expected)
    {
        var run = new EngineRun();

        run.Feed(Make.Feeder(0, 5, leakMa));

        Assert.Equal(expected, run.Alerts.SingleOrDefault()?.Severity);
    }

    [Fact]
    public void OnReading_WarningThenCritical_Escalates()
    {
        var run = new EngineRun();

        run.Feed(Make.Feeder(0, 5, 16), Make.Feeder(10, 5, 31));

        Assert.Equal([AlertSeverity.Warning, AlertSeverity.Critical], run.Alerts.Select(a => a.Severity));
        Assert.Equal("Feeder shed-a-f has a residual current of 31.0 mA (limit 30 mA)", run.Alerts[1].Summary);
    }

    [Fact]
    public void OnReading_Between10And15_HoldsTheAlert()
    {
        var run = new EngineRun();

        run.Feed(Make.Feeder(0, 5, 16)).Every(10, 600, 10, t => Make.Feeder(t, 5, 12));

        Assert.Single(run.Alerts);
    }

    [Fact]
    public void OnReading_Below10For60s_Resolves()
    {
        var run = new EngineRun();

        run.Feed(Make.Feeder(0, 5, 16)).Every(10, 70, 10, t => Make.Feeder(t, 5, 9.9));

        Assert.Equal(AlertStatus.Resolved, run.Alerts[^1].Status);
        Assert.Equal(Make.At(70), run.Alerts[^1].EndsAt);
    }
}
