using ChargeWatch.Core.Alerts;
using ChargeWatch.Core.Rules.OvercurrentInstant;
using ChargeWatch.Core.Tests.Detection;

namespace ChargeWatch.Core.Tests.Rules.OvercurrentInstant;

public class OvercurrentInstantRuleTests
{
    [Fact]
    public void OnReading_SingleFiveTimesRated_Trips()
    {
        var run = new EngineRun();

        run.Feed(Make.Port(0, 1.0), Make.Port(10, 20.0), Make.Port(20, 1.0));

        var trip = Assert.Single(run.Alerts);
        Assert.Equal(OvercurrentInstantRule.Id, trip.Rule);
        Assert.Equal(Make.At(10), trip.StartsAt);
        Assert.Equal(20.0, trip.Threshold);
        Assert.Equal(AlertSeverity.Critical, trip.Severity);
    }

    [Fact]
    public void OnReading_JustBelowFiveTimes_DoesNotTrip()
    {
        var run = new EngineRun();

        run.Feed(Make.Port(0, 1.0), Make.Port(10, 19.99), Make.Port(20, 1.0));

        Assert.Empty(run.Alerts);
    }

    [Fact]
    public void OnReading_RepeatedShortCircuit_FiresOnceThenResolvesAtRatedFor60s()
    {
        var run = new EngineRun();

        run.Every(0, 50, 10, t => Make.Port(t, 25.0)).Every(60, 120, 10, t => Make.Port(t, 0.0));

        var messages = run.Of(OvercurrentInstantRule.Id).ToList();
        Assert.Equal(2, messages.Count);
        Assert.Equal(AlertStatus.Resolved, messages[1].Status);
        Assert.Equal(Make.At(120), messages[1].EndsAt);
    }
}
