using ChargeWatch.Core.Alerts;
using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Detection;
using ChargeWatch.Core.Readings;
using ChargeWatch.Core.Sites;
using ChargeWatch.Flywire.Tests.Rules.FlywireHousehold;
using ChargeWatch.Simulator.Physics.Circuits;

namespace ChargeWatch.Flywire.Tests.Rules;

/// <summary>
/// Fly-wire alerts restored from the state file after a restart, which the meter's fresh detector
/// did not raise: the real engine, fed simulated household nights and a corridor's lighting.
/// </summary>
public class RestoredFlywireAlertTests
{
    private const string Household = "flywire.household";
    private const string Corridor = "flywire.corridor";
    private static readonly DeviceKey Meter = new("dongyuan-1", DeviceKind.Meter, "m-6-602");
    private static readonly DeviceKey Stairwell = new("dongyuan-1", DeviceKind.Meter, "m-6-stair");

    [Fact]
    public void Household_RestoredAlertTheReplayDoesNotRaise_ResolvedAnHourAfterItBegan()
    {
        var night = HouseholdModel.Create(7, HouseholdNights.Quiet(charge: false));
        var began = night.Clock.TimeAt(3 * 3600);
        var engine = new EngineUnderTest(Restored(Household, Meter, began));

        engine.Feed(Readings(night, Meter, MeterRole.Household));

        var resolve = Assert.Single(engine.Changes);
        Assert.Equal(AlertStatus.Resolved, resolve.Status);
        Assert.Equal(AlertId.For(Household, Meter, null), resolve.Id);
        Assert.Equal(began, resolve.StartsAt);
        Assert.InRange(resolve.EndsAt!.Value, began.AddHours(1), began.AddHours(1).AddMinutes(1));
        Assert.Equal($"Resolved after a restart: the readings of m-6-602 since 17:00 show no charger-like load any more (alert raised at 20:00)", resolve.Summary);
    }

    [Fact]
    public void Household_RestoredAlertOlderThanTheReadings_ResolvedOnceOlderThanAnyCharge()
    {
        var night = HouseholdModel.Create(7, HouseholdNights.Quiet(charge: false));
        var began = night.Clock.TimeAt(-3600);
        var engine = new EngineUnderTest(Restored(Household, Meter, began));

        engine.Feed(Readings(night, Meter, MeterRole.Household));

        var resolve = Assert.Single(engine.Changes);
        Assert.Equal(AlertStatus.Resolved, resolve.Status);
        Assert.InRange(resolve.EndsAt!.Value, began.AddHours(14), began.AddHours(14).AddMinutes(1));
        Assert.Equal("Resolved after a restart: the load on m-6-602 could not be followed, and the alert raised at 16:00 is now older than any charge (14 h)", resolve.Summary);
    }

    [Fact]
    public void Household_RestoredAlertTheReplayRaisesAgain_ResolvedWhenTheChargerIsGone()
    {
        var night = HouseholdModel.Create(11, HouseholdNights.Quiet(charge: true));
        var uninterrupted = new EngineUnderTest(RestoredAlerts.None);
        uninterrupted.Feed(Readings(night, Meter, MeterRole.Household));
        Assert.Equal([AlertStatus.Firing, AlertStatus.Resolved], uninterrupted.Changes.Select(c => c.Status));
        var (firing, resolved) = (uninterrupted.Changes[0], uninterrupted.Changes[1]);

        var restarted = new EngineUnderTest(new RestoredAlerts([firing]));
        restarted.Feed(Readings(night, Meter, MeterRole.Household));

        var resolve = Assert.Single(restarted.Changes);
        Assert.Equal(resolved.EndsAt, resolve.EndsAt);
        Assert.Equal(resolved.Summary, resolve.Summary);
        Assert.True(resolved.EndsAt > firing.StartsAt + TimeSpan.FromHours(1), "the charge outlasts the replay's grace, so the grace is what the detector's firing overrides");
    }

    [Fact]
    public void Household_RestoredAlertNotYetDue_StaysActive()
    {
        var night = HouseholdModel.Create(7, HouseholdNights.Quiet(charge: false));
        var engine = new EngineUnderTest(Restored(Household, Meter, night.Clock.TimeAt(-3600)));

        engine.Feed(Readings(night, Meter, MeterRole.Household).Take(600));

        Assert.Empty(engine.Changes);
        Assert.NotNull(engine.Engine.Alerts.ActiveAlert(new AlertKey(Household, Meter)));
    }

    [Fact]
    public void Corridor_RestoredAlertTheReplayDoesNotRaise_ResolvedAnHourAfterItBegan()
    {
        var evening = new DateTimeOffset(2026, 7, 8, 18, 0, 0, TimeSpan.FromHours(8));
        var began = evening.AddHours(2);
        var engine = new EngineUnderTest(Restored(Corridor, Stairwell, began));

        engine.Feed(Enumerable.Range(0, 6 * 60).Select(minute =>
            new MeterReading(Stairwell, evening.AddMinutes(minute), minute, 36 + (minute % 3), null, null, null, null, MeterRole.Corridor, null, null)));

        var resolve = Assert.Single(engine.Changes);
        Assert.Equal(AlertId.For(Corridor, Stairwell, null), resolve.Id);
        Assert.Equal(began.AddHours(1), resolve.EndsAt);
        Assert.StartsWith("Resolved after a restart: the readings of m-6-stair since 18:00", resolve.Summary);
    }

    private static RestoredAlerts Restored(string rule, DeviceKey device, DateTimeOffset began)
    {
        var tracker = new AlertTracker();
        var raised = new List<AlertMessage>();
        tracker.DirectTo(raised);
        tracker.Fire(new AlertKey(rule, device), AlertSeverity.Warning, began, new AlertFacts("before the restart", 180, 50, "W"), null);
        return new RestoredAlerts(raised);
    }

    private static IEnumerable<MeterReading> Readings(CircuitNight night, DeviceKey meter, MeterRole role)
    {
        long seq = 0;
        return night.Samples().Select(s => s.ToReading(meter, ++seq, role));
    }

    private sealed class EngineUnderTest(RestoredAlerts restored)
    {
        public DetectionEngine Engine { get; } = new(SiteDirectory.Defaults, restored);

        public List<AlertMessage> Changes { get; } = [];

        public void Feed(IEnumerable<Reading> readings)
        {
            foreach (var reading in readings)
            {
                Engine.OnReading(reading, Changes);
            }
        }
    }
}
