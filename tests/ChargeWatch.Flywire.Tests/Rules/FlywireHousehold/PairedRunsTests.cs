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
        runs.Add(130, TimeSpan.FromMinutes(14).Ticks);
        runs.Add(128, TimeSpan.FromMinutes(16).Ticks);
        runs.Add(900, TimeSpan.FromMinutes(40).Ticks);

        Assert.Equal(TimeSpan.FromMinutes(16).Ticks, runs.LongestNear(135, 0.15));
        Assert.Equal(0, runs.LongestNear(300, 0.15));
    }

    [Fact]
    public void Add_BeyondCapacity_ForgetsTheOldest()
    {
        var runs = new PairedRuns();
        runs.Add(130, TimeSpan.FromMinutes(90).Ticks);
        for (var i = 0; i < 16; i++)
        {
            runs.Add(130, TimeSpan.FromMinutes(15).Ticks);
        }

        Assert.Equal(TimeSpan.FromMinutes(15).Ticks, runs.LongestNear(130, 0.15));
    }

    [Fact]
    public void StepPairing_RefrigeratorRunPairedOff_IsRemembered()
    {
        // 40 W of standby, a 150 W television from minute 10, a 130 W refrigerator from minute 20 to
        // 34: its switch-off leaves the television on, so the drop pairs with it. (Back at the
        // night's low the meter could not hold it any more and it would be gone unpaired.)
        var steps = new StepPairing();
        for (var m = 0; m < 50; m++)
        {
            var (watts, vars) = (40.0, PowerFactorMath.Vars(40, 0.9));
            if (m >= 10)
            {
                (watts, vars) = (watts + 150, vars + PowerFactorMath.Vars(150, 0.95));
            }
            if (m is >= 20 and < 34)
            {
                (watts, vars) = (watts + 130, vars + PowerFactorMath.Vars(130, 0.72));
            }
            steps.Observe(Start + (m * TimeSpan.TicksPerMinute), watts, vars);
        }

        // Timed as a candidate's age is: from the reading before its switch-on (minute 19) to the
        // reading that confirms the switch-off (minute 35).
        Assert.Equal(TimeSpan.FromMinutes(16).Ticks, steps.Runs.LongestNear(130, 0.15));
    }
}
