using ChargeWatch.Core.Rules.FlywireCorridor;
using ChargeWatch.Core.Rules.FlywireHousehold;

namespace ChargeWatch.Flywire.Tests.Rules.FlywireCorridor;

public sealed class CorridorLoadDetectorTests
{
    private static readonly DateTimeOffset Evening = new(2026, 7, 8, 18, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void Observe_ChargerOverEmergencyLights_FiresAfterTenMinutesAndResolvesTenMinutesAfterUnplug()
    {
        var detector = new CorridorLoadDetector(new FlywireCorridorOptions());
        var plugged = Evening.AddHours(1);
        var unplugged = Evening.AddHours(3);
        DateTimeOffset? fired = null;
        DateTimeOffset? resolved = null;
        for (var t = Evening; t < Evening.AddHours(4); t = t.AddMinutes(1))
        {
            var watts = 12.0 + (t >= plugged && t < unplugged ? 65 : 0);
            var change = detector.Observe(t, watts);
            fired = change == HouseholdChange.Fired ? t : fired;
            resolved = change == HouseholdChange.Resolved ? t : resolved;
        }
        Assert.NotNull(fired);
        Assert.InRange((fired.Value - plugged).TotalMinutes, 10, 16);
        Assert.NotNull(resolved);
        Assert.InRange((resolved.Value - unplugged).TotalMinutes, 10, 12);
    }

    [Fact]
    public void Observe_StairLightPulsesAndLoadUnder60Watts_DoNotFire()
    {
        var detector = new CorridorLoadDetector(new FlywireCorridorOptions());
        for (var t = Evening; t < Evening.AddHours(6); t = t.AddSeconds(30))
        {
            var minute = (int)(t - Evening).TotalMinutes;
            // 2-min pulses of 20 W stair lights every 5 min, and a 50 W load for two hours.
            var watts = 12.0 + (minute % 5 < 2 ? 20 : 0) + (minute is >= 60 and < 180 ? 50 : 0);
            Assert.Equal(HouseholdChange.None, detector.Observe(t, watts));
        }
    }

    [Fact]
    public void Observe_LoadOfNineMinutes_DoesNotFire()
    {
        var detector = new CorridorLoadDetector(new FlywireCorridorOptions());
        for (var t = Evening; t < Evening.AddHours(2); t = t.AddMinutes(1))
        {
            var on = t >= Evening.AddHours(1) && t < Evening.AddHours(1).AddMinutes(6);
            Assert.Equal(HouseholdChange.None, detector.Observe(t, 12.0 + (on ? 200 : 0)));
        }
    }
}
