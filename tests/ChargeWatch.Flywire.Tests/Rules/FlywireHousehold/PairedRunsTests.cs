using ChargeWatch.Core.Rules.Flywire;
using ChargeWatch.Core.Rules.FlywireHousehold;

namespace ChargeWatch.Flywire.Tests.Rules.FlywireHousehold;

public sealed class PairedRunsTests
{
    private static readonly long Start = new DateTimeOffset(2026, 7, 8, 18, 0, 0, TimeSpan.Zero).UtcTicks;

    [Fact]
    public void LongestNear_OnlyRunsOfAboutThatSize()
    {
        var runs = new PairedRuns();
        runs.Add(130, 120, TimeSpan.FromMinutes(14).Ticks);
        runs.Add(128, 118, TimeSpan.FromMinutes(16).Ticks);
        runs.Add(900, 0, TimeSpan.FromMinutes(40).Ticks);

        Assert.Equal(TimeSpan.FromMinutes(16).Ticks, runs.LongestNear(135, 0.15));
        Assert.Equal(0, runs.LongestNear(300, 0.15));
    }

    [Fact]
    public void Add_BeyondCapacity_ForgetsTheOldest()
    {
        var runs = new PairedRuns();
        runs.Add(130, 120, TimeSpan.FromMinutes(90).Ticks);
        for (var i = 0; i < 16; i++)
        {
            runs.Add(130, 120, TimeSpan.FromMinutes(15).Ticks);
        }

        Assert.Equal(TimeSpan.FromMinutes(15).Ticks, runs.LongestNear(130, 0.15));
    }

    [Fact]
    public void StepPairing_RefrigeratorRunPairedOff_IsRemembered()
    {
        // 40 W of standby, a 150 W television from minute 10, a 130 W refrigerator from minute 20 to
        // 34: its switch-off leaves the television on, so the drop pairs with it.
        var steps = RefrigeratorRun(televisionOn: true);

        // Timed as a candidate's age is: from the reading before its switch-on (minute 19) to the
        // reading that confirms the switch-off (minute 35).
        Assert.Equal(TimeSpan.FromMinutes(16).Ticks, steps.Runs.LongestNear(130, 0.15));
    }

    [Fact]
    public void StepPairing_RefrigeratorRunEndingAtTheNightsLow_IsRemembered()
    {
        // 40 W of standby and a 130 W refrigerator from minute 20 to 34: back at the night's low the
        // meter cannot hold it any more, so it is gone a reading before its switch-off step is seen.
        var steps = RefrigeratorRun(televisionOn: false);

        // From the reading before its switch-on (minute 19) to the first reading without it (34).
        Assert.Equal(TimeSpan.FromMinutes(15).Ticks, steps.Runs.LongestNear(130, 0.15));
        Assert.Equal(1, steps.Runs.CountLasting(TimeSpan.FromMinutes(8).Ticks, TimeSpan.FromMinutes(35).Ticks));
    }

    [Fact]
    public void CountLasting_OnlyRunsOfARefrigeratorsLength()
    {
        var runs = new PairedRuns();
        runs.Add(130, 120, TimeSpan.FromMinutes(3).Ticks);
        runs.Add(130, 120, TimeSpan.FromMinutes(14).Ticks);
        runs.Add(150, 30, TimeSpan.FromMinutes(90).Ticks);

        Assert.Equal(1, runs.CountLasting(TimeSpan.FromMinutes(8).Ticks, TimeSpan.FromMinutes(35).Ticks));
    }

    [Fact]
    public void NearestGap_SizeShareAndReactivePowerPerWatt()
    {
        var runs = new PairedRuns();
        var (min, max) = (TimeSpan.FromMinutes(8).Ticks, TimeSpan.FromMinutes(35).Ticks);
        Assert.True(double.IsNaN(runs.NearestGap(150, 1.2, min, max)));

        runs.Add(100, 100, TimeSpan.FromMinutes(14).Ticks);
        runs.Add(150, 30, TimeSpan.FromMinutes(90).Ticks);
        runs.Add(200, 300, TimeSpan.FromMinutes(20).Ticks);

        // 150 W at 1.2 var per W: the 100 W run is a third smaller and 0.2 lower; the 200 W one a third
        // larger and 0.3 higher; the 150 W one lasted too long to count.
        Assert.Equal((50.0 / 150) + 0.2, runs.NearestGap(150, 1.2, min, max), 9);
        // Without the load's reactive power, the sizes alone.
        Assert.Equal(50.0 / 150, runs.NearestGap(150, double.NaN, min, max), 9);
    }

    /// <summary>A minute-by-minute meter: 40 W of standby, a 130 W refrigerator from minute 20 to 34, and a 150 W television from minute 10 if on.</summary>
    private static StepPairing RefrigeratorRun(bool televisionOn)
    {
        var steps = new StepPairing();
        for (var m = 0; m < 50; m++)
        {
            var (watts, vars) = (40.0, PowerFactorMath.Vars(40, 0.9));
            if (televisionOn && m >= 10)
            {
                (watts, vars) = (watts + 150, vars + PowerFactorMath.Vars(150, 0.95));
            }
            if (m is >= 20 and < 34)
            {
                (watts, vars) = (watts + 130, vars + PowerFactorMath.Vars(130, 0.72));
            }
            steps.Observe(Start + (m * TimeSpan.TicksPerMinute), watts, vars);
        }
        return steps;
    }
}
