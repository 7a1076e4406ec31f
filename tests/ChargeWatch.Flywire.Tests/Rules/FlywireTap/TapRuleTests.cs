using ChargeWatch.Core.Alerts;

namespace ChargeWatch.Flywire.Tests.Rules.FlywireTap;

public sealed class TapRuleTests
{
    private static readonly DateTimeOffset Evening = TapShed.Evening;

    [Fact]
    public void OnReading_TapOf200WattsForAnHour_FiresAfterFiveMinutesAndResolvesFiveMinutesAfterRemoval()
    {
        var shed = new TapShed();
        var on = Evening.AddMinutes(30);
        var off = Evening.AddMinutes(90);
        shed.Run(Evening, TimeSpan.FromHours(2), t => t >= on && t < off ? 200 : 0);

        Assert.Equal(2, shed.Tap.Count);
        var fired = shed.Tap[0];
        Assert.Equal(AlertStatus.Firing, fired.Status);
        Assert.Equal(AlertSeverity.Warning, fired.Severity);
        Assert.Equal(TapShed.Feeder, fired.Device);
        Assert.Null(fired.Port);
        Assert.InRange((fired.StartsAt - on).TotalMinutes, 5, 5.6);
        Assert.Equal(180, fired.Value!.Value, 0.5); // 200 + 30 controls - 50 allowance
        Assert.Equal(100, fired.Threshold);
        Assert.Equal("W", fired.Unit);
        Assert.Contains("shed-a-f", fired.Summary, StringComparison.Ordinal);
        var resolved = shed.Tap[1];
        Assert.Equal(AlertStatus.Resolved, resolved.Status);
        Assert.InRange((resolved.EndsAt!.Value - off).TotalMinutes, 5, 5.6);
    }

    [Theory]
    [InlineData(119, false)] // 119 + 30 - 50 = 99 W: under the gap
    [InlineData(121, true)]  // 101 W
    public void OnReading_GapAroundHundredWatts_FiresOnlyAtOrAboveIt(double tap, bool fires)
    {
        var shed = new TapShed();
        shed.Run(Evening, TimeSpan.FromHours(1), _ => tap);
        Assert.Equal(fires, shed.Tap.Count == 1);
    }

    [Fact]
    public void OnReading_GapForFourAndAHalfMinutes_DoesNotFire()
    {
        var shed = new TapShed();
        var on = Evening.AddMinutes(10);
        shed.Run(Evening, TimeSpan.FromHours(1), t => t >= on && t < on.AddMinutes(4.5) ? 800 : 0);
        Assert.Empty(shed.Tap);
    }

    [Fact]
    public void OnReading_ShedControlsUpToTheAllowanceAndSessionsStarting_DoNotFire()
    {
        var shed = new TapShed();
        // 48 W of controls; ports switching between readings: the feeder sees a new 400 W session
        // up to 30 s before its pile reports it.
        shed.Run(Evening, TimeSpan.FromMinutes(20), _ => 0, controls: 48);
        shed.Run(Evening.AddMinutes(20), TimeSpan.FromMinutes(1), _ => 400, controls: 48);
        shed.Run(Evening.AddMinutes(21), TimeSpan.FromMinutes(30), _ => 0, controls: 48, pileA: [180, 400, 240]);
        Assert.Empty(shed.Tap);
    }

    [Fact]
    public void OnReading_PileSilentWhileItsLoadRuns_NoVerdictUntilItReportsAgain()
    {
        var shed = new TapShed();
        shed.Run(Evening, TimeSpan.FromMinutes(10), _ => 0);
        // Pile 2 (450 W) goes silent for 20 min; the feeder still carries its load. Without the
        // staleness bound the feeder would look 450 W over pile 1.
        for (var t = Evening.AddMinutes(10); t < Evening.AddMinutes(30); t = t.AddSeconds(30))
        {
            shed.PileReading(1, t, 180, 0, 240);
            shed.FeederReading(t.AddSeconds(23), 420 + 450 + 30);
        }
        Assert.Empty(shed.Tap);
        shed.Run(Evening.AddMinutes(30), TimeSpan.FromMinutes(10), _ => 0);
        Assert.Empty(shed.Tap);
    }

    [Fact]
    public void OnStatus_PileOffline_HoldsTheVerdictUntilItsNextReading()
    {
        var shed = new TapShed();
        shed.Run(Evening, TimeSpan.FromMinutes(5), _ => 0);
        shed.Watermark(Evening.AddMinutes(5));
        shed.Status(TapShed.Pile(2), online: false);
        // Pile 1 and the feeder keep reporting a 300 W gap, but pile 2 said it is offline.
        for (var t = Evening.AddMinutes(5); t < Evening.AddMinutes(6.5); t = t.AddSeconds(30))
        {
            shed.PileReading(1, t, 180, 0, 240);
            shed.FeederReading(t.AddSeconds(23), 420 + 450 + 30 + 300);
        }
        Assert.Empty(shed.Tap);
    }

    [Fact]
    public void OnReading_GapDuringAStalePile_DoesNotResolveAnActiveAlert()
    {
        var shed = new TapShed();
        shed.Run(Evening, TimeSpan.FromMinutes(10), _ => 500);
        Assert.Single(shed.Tap);
        // Pile 2 goes silent; the tap is removed, but without pile 2 there is no evidence.
        for (var t = Evening.AddMinutes(10); t < Evening.AddMinutes(25); t = t.AddSeconds(30))
        {
            shed.PileReading(1, t, 180, 0, 240);
            shed.FeederReading(t.AddSeconds(23), 420 + 450 + 30);
        }
        Assert.Single(shed.Tap);
    }

    [Fact]
    public void OnReading_PortsWithoutPower_ComparesApparentPowerAndFires()
    {
        var shed = new TapShed();
        for (var t = Evening; t < Evening.AddMinutes(10); t = t.AddSeconds(30))
        {
            shed.Feed(new ChargeWatch.Core.Readings.ChargerReading(TapShed.Pile(1), t, null, "shed-a", null,
                [new ChargeWatch.Core.Readings.PortReading(1, 2.0, ChargeWatch.Core.Readings.PortState.Charging, 220)]));
            // Feeder reports current only: 2 A of ports + 1.5 A of tap at 220 V.
            shed.Feed(new ChargeWatch.Core.Readings.FeederReading(TapShed.Feeder, t.AddSeconds(9), null, "shed-a", 3.5, 220, null, null, null));
        }
        var fired = Assert.Single(shed.Tap);
        Assert.Equal("VA", fired.Unit);
        Assert.Equal(330 - 50, fired.Value!.Value, 0.5);
    }

    [Fact]
    public void OnReading_TwoSheds_EachFeederIsComparedWithItsOwnPiles()
    {
        var shed = new TapShed();
        var pileB = TapShed.Pile(1) with { Device = "shed-b-c01" };
        for (var t = Evening; t < Evening.AddMinutes(15); t = t.AddSeconds(30))
        {
            shed.PileReading(1, t, 100);
            shed.PileReading(2, t.AddSeconds(2), 0);
            shed.Feed(new ChargeWatch.Core.Readings.ChargerReading(pileB, t.AddSeconds(4), null, "shed-b", null,
                [new ChargeWatch.Core.Readings.PortReading(1, 4, ChargeWatch.Core.Readings.PortState.Charging, 225, 900)]));
            shed.Feed(new ChargeWatch.Core.Readings.FeederReading(
                TapShed.Feeder with { Device = "shed-b-f" }, t.AddSeconds(5), null, "shed-b", 4.2, 225, 940, null, null));
            shed.FeederReading(t.AddSeconds(6), 130);
        }
        Assert.Empty(shed.Tap);
    }
}
