using System.Text;
using ChargeWatch.Core.Alerts;
using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Readings;
using ChargeWatch.Core.Rules.Overcurrent;
using ChargeWatch.Core.Tests.Detection;

namespace ChargeWatch.Core.Tests.Rules.Overcurrent;

public class OvercurrentRuleTests
{
    private const double Rated = 4.0;

    [Theory]
    [InlineData(1.1, 1.0)]
    [InlineData(1.1, 10.0)]
    [InlineData(1.5, 1.0)]
    [InlineData(1.5, 5.0)]
    [InlineData(2.0, 1.0)]
    [InlineData(2.0, 5.0)]
    [InlineData(10.0, 1.0)]
    public void OnReading_SteadyMultiple_TripsWithinOneIntervalOfTheCurve(double multiple, double interval)
    {
        var run = new EngineRun();
        var expected = InverseTimeCurve.TripSeconds(multiple);

        run.Every(0, expected + 3 * interval, interval, t => Make.Port(t, Rated * multiple));

        var trip = Assert.Single(run.Of(OvercurrentRule.Id));
        var tripAfter = (trip.StartsAt - Make.T0).TotalSeconds;
        Assert.InRange(tripAfter, expected, expected + interval);
        Assert.Equal(AlertSeverity.Critical, trip.Severity);
        Assert.Equal(Rated * multiple, trip.Value);
        Assert.Equal(Rated, trip.Threshold);
    }

    [Fact]
    public void OnReading_LoneFourTimesSpike_NeverTrips()
    {
        var run = new EngineRun();

        run.Every(0, 600, 10, t => Make.Port(t, t == 100 ? 4 * Rated : 1.0));

        Assert.Empty(run.Alerts);
    }

    [Fact]
    public void OnReading_BelowRatedBetweenExcursions_ProgressStartsOver()
    {
        var run = new EngineRun();

        // 1.3x trips after about 27 s: 20 s above, one reading at rated, 20 s above again.
        run.Every(0, 20, 1, t => Make.Port(t, 1.3 * Rated))
            .Feed(Make.Port(21, Rated))
            .Every(22, 42, 1, t => Make.Port(t, 1.3 * Rated));

        Assert.Empty(run.Of(OvercurrentRule.Id));
    }

    [Fact]
    public void OnReading_GapAboveRated_IsNotCountedAsContinuous()
    {
        var run = new EngineRun();

        // Learns a 5 s interval, then 2x at 55 s, silence, 2x at 200 s and 205 s: 10 s would trip
        // if the 145 s gap counted.
        run.Every(0, 50, 5, t => Make.Port(t, 1.0))
            .Feed(Make.Port(55, 2 * Rated), Make.Port(200, 2 * Rated), Make.Port(205, 2 * Rated));

        Assert.Empty(run.Of(OvercurrentRule.Id));
    }

    [Fact]
    public void OnReading_BackAtRated_ResolvesAfter60Seconds()
    {
        var run = new EngineRun();

        run.Every(0, 15, 1, t => Make.Port(t, 2 * Rated))
            .Every(20, 79, 1, t => Make.Port(t, 3.0));
        Assert.Single(run.Of(OvercurrentRule.Id));
        run.Feed(Make.Port(80, 3.0));

        var resolved = run.Of(OvercurrentRule.Id).Last();
        Assert.Equal(AlertStatus.Resolved, resolved.Status);
        Assert.Equal(Make.At(80), resolved.EndsAt);
    }

    [Fact]
    public void OnReading_AboveRatedDuringClearTime_RestartsIt()
    {
        var run = new EngineRun();

        run.Every(0, 15, 1, t => Make.Port(t, 2 * Rated))
            .Every(20, 50, 10, t => Make.Port(t, 3.0))
            .Feed(Make.Port(55, 4.5))
            .Every(60, 110, 10, t => Make.Port(t, 3.0));

        Assert.Single(run.Of(OvercurrentRule.Id));
        run.Feed(Make.Port(120, 3.0));
        Assert.Equal(Make.At(120), run.Of(OvercurrentRule.Id).Last().EndsAt);
    }

    [Fact]
    public void OnReading_ChargerTotalOverRated_TripsWithoutPort()
    {
        var run = new EngineRun();
        var ports = Enumerable.Range(1, 8).Select(p => new PortReading(p, 3.0, PortState.Charging)).ToArray();

        // 8 x 3 A = 24 A on a 16 A pile: 1.5x, no port above its own rating.
        run.Every(0, 40, 2, t => new ChargerReading(Make.ChargerKey(), Make.At(t), null, null, null, ports));

        var trip = Assert.Single(run.Alerts);
        Assert.Null(trip.Port);
        Assert.Equal("overcurrent|dongyuan-1|charger|shed-a-c01", trip.Id);
        Assert.Equal("Charger shed-a-c01 drew 24.0 A (1.5x its rated 16.0 A)", trip.Summary);
    }

    [Fact]
    public void OnReading_FeederOverRated_Trips()
    {
        var run = new EngineRun();

        run.Every(0, 20, 1, t => Make.Feeder(t, 64));

        Assert.Contains(run.Alerts, a => a.Rule == OvercurrentRule.Id && a.Kind == DeviceKind.Feeder && a.Threshold == 32);
    }

    [Fact]
    public void OnReading_ContractExample_WritesTheContractMessage()
    {
        var run = new EngineRun();
        var device = Make.ChargerKey();
        ChargerReading At(double t, double amps) =>
            new(device, Make.At(t), null, null, null, [new PortReading(3, amps, PortState.Charging)]);

        run.Feed(At(0, 1.0)).Every(1, 12, 1, t => At(t, 10.0));

        var trip = Assert.Single(run.Of(OvercurrentRule.Id));
        Assert.Equal(
            """{"id":"overcurrent|dongyuan-1|charger|shed-a-c01|3","rule":"overcurrent","status":"firing","severity":"critical","site":"dongyuan-1","kind":"charger","device":"shed-a-c01","port":3,"startsAt":"2026-07-08T21:30:09.000+08:00","endsAt":null,"value":10,"threshold":4,"unit":"A","confidence":1,"summary":"Port 3 of shed-a-c01 drew 10.0 A (2.5x its rated 4.0 A)"}""",
            Encoding.UTF8.GetString(AlertJson.ToUtf8(trip)));
    }

    [Fact]
    public void OnReading_PortRatedPerDevice_UsesConfiguredRating()
    {
        var builder = new Core.Sites.SiteSettingsBuilder();
        builder.Device(Make.ChargerKey()).Configure<Core.Sites.RatedCurrents>(r => r.Ports[3] = 10.0);
        var run = new EngineRun(builder.Build());

        run.Every(0, 100, 1, t => Make.Port(t, 8.0));

        // 8 A is still a strip by its power (flywire.strip, > 600 W); no overcurrent on a 10 A rating.
        Assert.Empty(run.Of(OvercurrentRule.Id));
    }
}
