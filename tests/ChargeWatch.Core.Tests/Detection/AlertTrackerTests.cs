using ChargeWatch.Core.Alerts;
using ChargeWatch.Core.Detection;

namespace ChargeWatch.Core.Tests.Detection;

public class AlertTrackerTests
{
    private static readonly AlertKey Key = new("thermal.high", Make.ChargerKey(), 3);

    private static (AlertTracker Tracker, List<AlertMessage> Out) NewTracker(RestoredAlerts? restored = null)
    {
        var tracker = new AlertTracker(restored);
        var output = new List<AlertMessage>();
        tracker.DirectTo(output);
        return (tracker, output);
    }

    [Fact]
    public void Fire_Twice_SendsOneFiringMessage()
    {
        var (tracker, output) = NewTracker();

        Assert.True(tracker.Fire(Key, AlertSeverity.Warning, Make.At(0), new AlertFacts("hot", 61, 60, "°C"), "shed-a"));
        Assert.False(tracker.Fire(Key, AlertSeverity.Warning, Make.At(10), new AlertFacts("hot", 62, 60, "°C"), "shed-a"));

        var firing = Assert.Single(output);
        Assert.Equal("thermal.high|dongyuan-1|charger|shed-a-c01|3", firing.Id);
        Assert.Equal(AlertStatus.Firing, firing.Status);
        Assert.Equal(Make.At(0), firing.StartsAt);
        Assert.Null(firing.EndsAt);
        Assert.Equal("shed-a", firing.Shed);
    }

    [Fact]
    public void Fire_HigherSeverity_SendsEscalationWithSameIdAndStart()
    {
        var (tracker, output) = NewTracker();

        tracker.Fire(Key, AlertSeverity.Warning, Make.At(0), new AlertFacts("warm", 61, 60, "°C"), null);
        tracker.Fire(Key, AlertSeverity.Critical, Make.At(30), new AlertFacts("hot", 76, 75, "°C"), null);
        tracker.Fire(Key, AlertSeverity.Warning, Make.At(40), new AlertFacts("warm", 70, 60, "°C"), null);

        Assert.Equal(2, output.Count);
        Assert.Equal(output[0].Id, output[1].Id);
        Assert.Equal(AlertSeverity.Critical, output[1].Severity);
        Assert.Equal(Make.At(0), output[1].StartsAt);
        Assert.Equal(Make.At(30), output[1].ChangedAt);
    }

    [Fact]
    public void Resolve_ActiveAlert_SendsResolvedOnceWithEnd()
    {
        var (tracker, output) = NewTracker();
        tracker.Fire(Key, AlertSeverity.Warning, Make.At(0), new AlertFacts("warm", 61, 60, "°C"), null);

        Assert.True(tracker.Resolve(Key, Make.At(100)));
        Assert.False(tracker.Resolve(Key, Make.At(110)));

        Assert.Equal(2, output.Count);
        var resolved = output[1];
        Assert.Equal(AlertStatus.Resolved, resolved.Status);
        Assert.Equal(Make.At(100), resolved.EndsAt);
        Assert.Equal(Make.At(0), resolved.StartsAt);
        Assert.Equal("Resolved: warm", resolved.Summary);
    }

    [Fact]
    public void Resolve_NeverFired_SendsNothing()
    {
        var (tracker, output) = NewTracker();

        Assert.False(tracker.Resolve(Key, Make.At(100)));

        Assert.Empty(output);
    }

    [Fact]
    public void Fire_AlertRestoredFromState_SendsNoSecondFiring()
    {
        var (before, firstRun) = NewTracker();
        before.Fire(Key, AlertSeverity.Warning, Make.At(0), new AlertFacts("warm", 61, 60, "°C"), null);
        var (after, secondRun) = NewTracker(new RestoredAlerts(before.Active));

        after.Fire(Key, AlertSeverity.Warning, Make.At(500), new AlertFacts("warm", 61, 60, "°C"), null);
        after.Resolve(Key, Make.At(600));

        var resolved = Assert.Single(secondRun);
        Assert.Equal(AlertStatus.Resolved, resolved.Status);
        Assert.Equal(firstRun[0].StartsAt, resolved.StartsAt);
    }

    [Fact]
    public void RestoredAlerts_ClaimedOnce_LeavesUnclaimedOnly()
    {
        var (before, _) = NewTracker();
        before.Fire(Key, AlertSeverity.Warning, Make.At(0), new AlertFacts("a"), null);
        before.Fire(Key with { Port = 4 }, AlertSeverity.Warning, Make.At(0), new AlertFacts("b"), null);
        var restored = new RestoredAlerts(before.Active);

        Assert.True(restored.TryClaim(Key, out _));
        Assert.False(restored.TryClaim(Key, out _));

        Assert.Equal(4, Assert.Single(restored.Unclaimed).Port);
    }
}
