using ChargeWatch.Core.Alerts;
using ChargeWatch.Core.Detection;

namespace ChargeWatch.Core.Tests.Detection;

/// <summary>The net changes of a warm start's replay, from the messages a real tracker raises.</summary>
public class ReplayedAlertsTests
{
    private static readonly AlertKey Hot = new("thermal.high", Make.ChargerKey(), 3);
    private static readonly AlertKey Other = new("thermal.high", Make.ChargerKey(), 4);
    private static readonly AlertFacts Warm = new("warm", 61, 60, "°C");
    private static readonly AlertFacts Burning = new("hot", 76, 75, "°C");

    private static (AlertTracker Tracker, List<AlertMessage> Replayed) Replay(RestoredAlerts? restored = null)
    {
        var tracker = new AlertTracker(restored);
        var replayed = new List<AlertMessage>();
        tracker.DirectTo(replayed);
        return (tracker, replayed);
    }

    private static RestoredAlerts RestoredFiring()
    {
        var (tracker, earlier) = Replay();
        tracker.Fire(Hot, AlertSeverity.Warning, Make.At(-600), Warm, null);
        return new RestoredAlerts(earlier);
    }

    [Fact]
    public void NetChanges_AlertBegunAndEndedInTheReplay_Nothing()
    {
        var (tracker, replayed) = Replay();
        tracker.Fire(Hot, AlertSeverity.Warning, Make.At(0), Warm, null);
        tracker.Fire(Hot, AlertSeverity.Critical, Make.At(30), Burning, null);
        tracker.Resolve(Hot, Make.At(100));

        Assert.Empty(ReplayedAlerts.NetChanges(replayed));
    }

    [Fact]
    public void NetChanges_AlertBegunInTheReplayAndStillOn_ItsLastFiring()
    {
        var (tracker, replayed) = Replay();
        tracker.Fire(Hot, AlertSeverity.Warning, Make.At(0), Warm, null);
        tracker.Fire(Hot, AlertSeverity.Critical, Make.At(30), Burning, null);

        var net = Assert.Single(ReplayedAlerts.NetChanges(replayed));
        Assert.Same(replayed[1], net);
        Assert.Equal(Make.At(0), net.StartsAt);
    }

    [Fact]
    public void NetChanges_RestoredAlertEscalatedThenResolved_OnlyTheResolve()
    {
        var (tracker, replayed) = Replay(RestoredFiring());
        tracker.Fire(Hot, AlertSeverity.Critical, Make.At(30), Burning, null);
        tracker.Resolve(Hot, Make.At(100));

        var net = Assert.Single(ReplayedAlerts.NetChanges(replayed));
        Assert.Equal(AlertStatus.Resolved, net.Status);
        Assert.Equal(Make.At(-600), net.StartsAt);
        Assert.Equal(Make.At(100), net.EndsAt);
    }

    [Fact]
    public void NetChanges_RestoredAlertFiredAgain_Nothing()
    {
        var (tracker, replayed) = Replay(RestoredFiring());
        tracker.Fire(Hot, AlertSeverity.Warning, Make.At(30), Warm, null);

        Assert.Empty(ReplayedAlerts.NetChanges(replayed));
    }

    [Fact]
    public void NetChanges_SeveralAlerts_InTheOrderTheyFirstChanged()
    {
        var (tracker, replayed) = Replay(RestoredFiring());
        tracker.Fire(Other, AlertSeverity.Warning, Make.At(10), Warm, null);
        tracker.Resolve(Hot, Make.At(20));
        tracker.Fire(Other, AlertSeverity.Critical, Make.At(30), Burning, null);

        var net = ReplayedAlerts.NetChanges(replayed);

        Assert.Equal([replayed[2], replayed[1]], net);
    }
}
