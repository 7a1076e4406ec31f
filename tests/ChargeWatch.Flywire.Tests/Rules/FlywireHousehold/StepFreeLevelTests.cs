using ChargeWatch.Core.Rules.FlywireHousehold;

namespace ChargeWatch.Flywire.Tests.Rules.FlywireHousehold;

public sealed class StepFreeLevelTests
{
    private static readonly long Start = new DateTimeOffset(2026, 7, 8, 18, 0, 0, TimeSpan.Zero).UtcTicks;

    private static double Run(Func<int, double> wattsAtMinute, int minutes, Func<int, bool>? busy = null)
    {
        var level = new StepFreeLevel();
        for (var m = 0; m < minutes; m++)
        {
            level.Add(Start + (m * TimeSpan.TicksPerMinute), wattsAtMinute(m), busy?.Invoke(m) ?? false);
        }
        return level.Value;
    }

    [Fact]
    public void Add_AppliancesSwitchingOnAndOff_DoNotMoveIt()
    {
        // A 150 W refrigerator with its 1.4x start-up minute, a 1,800 W kettle and a 190 W television.
        var value = Run(m => 200 + (m % 40 < 20 ? (m % 40 == 0 ? 210 : 150) : 0) + (m is >= 50 and < 53 ? 1800 : 0) + (m >= 70 ? 190 : 0), 120);

        Assert.InRange(value, -5, 5);
    }

    [Fact]
    public void Add_ExponentialDecay_FallsByTheDecay()
    {
        // A 200 W charger tapering with a 30-minute time constant for an hour, on 40 W of standby.
        var value = Run(m => 40 + (200 * Math.Exp(-m / 30.0)), 61);

        Assert.InRange(value, -(200 * (1 - Math.Exp(-2))) - 3, -(200 * (1 - Math.Exp(-2))) + 3);
    }

    [Fact]
    public void Add_DecayUnderATelevisionSwitchedOn_StillFallsByTheDecay()
    {
        var value = Run(m => 40 + (200 * Math.Exp(-m / 30.0)) + (m >= 20 ? 190 : 0), 61);

        // The few minutes after the switch are left out (a compressor's start-up settles in them).
        Assert.InRange(value, -(200 * (1 - Math.Exp(-2))) - 5, -(200 * (1 - Math.Exp(-2))) + 25);
    }

    [Fact]
    public void Add_WhileABigApplianceRuns_LeavesThoseMinutesOut()
    {
        var value = Run(m => 40 + (200 * Math.Exp(-m / 30.0)) + (m < 60 ? 1200 : 0), 60, busy: m => m < 60);

        Assert.Equal(0, value);
    }
}
