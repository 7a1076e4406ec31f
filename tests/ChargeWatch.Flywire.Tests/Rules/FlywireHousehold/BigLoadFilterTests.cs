using ChargeWatch.Core.Rules.FlywireHousehold;

namespace ChargeWatch.Flywire.Tests.Rules.FlywireHousehold;

public sealed class BigLoadFilterTests
{
    private static double[] Residuals(params double[] readings)
    {
        var filter = new BigLoadFilter(680);
        var low = double.MaxValue;
        return [.. readings.Select((watts, i) => filter.Residual(i * TimeSpan.TicksPerMinute, watts, low = Math.Min(low, watts)))];
    }

    [Fact]
    public void SwitchedOnNear_HeaterSwitchedOn_RemembersWhen()
    {
        var filter = new BigLoadFilter(680);
        double[] readings = [60, 60, 1560, 1560, 1560, 60, 60];
        for (var i = 0; i < readings.Length; i++)
        {
            filter.Residual(i * TimeSpan.TicksPerMinute, readings[i], 60);
        }

        // Confirmed on the reading after the jump (minute 3).
        Assert.True(filter.SwitchedOnNear(2 * TimeSpan.TicksPerMinute, TimeSpan.TicksPerMinute));
        Assert.False(filter.SwitchedOnNear(6 * TimeSpan.TicksPerMinute, TimeSpan.TicksPerMinute));
    }

    [Fact]
    public void Residual_HeaterOnAndOff_IsTheSmallLoadsAlone()
    {
        var residuals = Residuals(60, 60, 1560, 1560, 1560, 60, 60);

        // A switch is taken out from the reading after the one that first shows it (an averaging
        // meter may have caught it halfway): a switch-on reads high until then, which never lowers a
        // floor; a switch-off's first reading is left out (NaN), since a half-caught one would dip.
        Assert.Equal([60, 60, 1560, 60, 60, double.NaN, 60], residuals.Select(r => Math.Round(r)));
    }

    [Fact]
    public void Residual_AveragingMeterCatchesTheSwitchOffHalfway_LeavesThatReadingOut()
    {
        // The middle reading holds half a minute of the heater: less the heater it would read as a
        // 690 W dip below everything that is on.
        var residuals = Residuals(60, 1560, 1560, 810, 60, 60);

        Assert.True(double.IsNaN(residuals[3]));
        Assert.Equal(60, residuals[4], 1);
        Assert.Equal(60, residuals[2], 1);
    }

    [Fact]
    public void Residual_KnownHeaterSwitchingOnAsTheRefrigeratorStops_ShowsTheRefrigeratorOff()
    {
        // Two runs of a 1500 W heater teach its size; the third starts in the minute a 150 W
        // refrigerator stops, so the meter rises by only 1350 W.
        var residuals = Residuals(
            60, 1560, 1560, 60, 60, 1560, 1560, 60,
            210, 210, 1560, 1560, 1560);

        Assert.Equal(60, residuals[^1], 1);
    }

    [Fact]
    public void Residual_NewApplianceAfterEverySizeSlotIsTaken_IsLearnedInPlaceOfTheOneGoneLongest()
    {
        // Six appliances, each on and off once, take every slot; then a 900 W one runs twice, and a
        // third time starts in the minute a 150 W refrigerator stops: the meter rises by 750 W.
        double[] sixAppliances = [.. new[] { 1500, 2100, 2700, 3300, 3900, 4500 }.SelectMany(size => new double[] { 60, 60 + size, 60 + size, 60 })];
        var residuals = Residuals(
            [.. sixAppliances,
            60, 960, 960, 60, 60, 960, 960, 60,
            210, 210, 960, 960, 960]);

        // Taken out at its learned 900 W, the refrigerator's stop shows; a filter that could learn
        // no more sizes would take out the 750 W step and keep the refrigerator on.
        Assert.Equal(60, residuals[^1], 1);
    }

    [Fact]
    public void Residual_ApplianceOffUnseen_IsForgottenOnceTheMeterReadsBelowTheLow()
    {
        // A kettle's switch-off hides in a slow ramp the filter cannot see as a step.
        var residuals = Residuals(60, 60, 1860, 1860, 1500, 1100, 700, 300, 60, 60);

        Assert.Equal(60, residuals[^1], 1);
    }

    /// <summary>Feeds (watts, vars) readings a minute apart; returns each reading's reactive power without the big appliances.</summary>
    private static double[] ResidualVars(params (double Watts, double Vars)[] readings)
    {
        var filter = new BigLoadFilter(680);
        var low = double.MaxValue;
        var result = new double[readings.Length];
        for (var i = 0; i < readings.Length; i++)
        {
            filter.Residual(i * TimeSpan.TicksPerMinute, readings[i].Watts, low = Math.Min(low, readings[i].Watts), readings[i].Vars);
            result[i] = filter.ResidualVars;
        }
        return result;
    }

    [Fact]
    public void ResidualVars_AirConditionerOn_IsTheSmallLoadsReactivePowerAlone()
    {
        // 60 W / 40 var of small loads; a 1000 W air conditioner at pf 0.89 adds 512 var.
        var residuals = ResidualVars((60, 40), (60, 40), (1060, 552), (1060, 552), (1060, 552));

        Assert.Equal([40, 40, 552, 40, 40], residuals.Select(r => Math.Round(r)));
    }

    [Fact]
    public void ResidualVars_KnownAirConditionerSwitchingOnAsTheRefrigeratorStops_ShowsTheRefrigeratorOff()
    {
        // Two runs teach the air conditioner's size and reactive power; the third starts in the minute
        // a 150 W / 150 var refrigerator stops: the switch reads 850 W / 362 var, and taking out the
        // learned 1000 W / 512 var leaves the small loads' 40 var, the refrigerator's off-time.
        var residuals = ResidualVars(
            (60, 40), (1060, 552), (1060, 552), (60, 40), (60, 40), (1060, 552), (1060, 552), (60, 40),
            (210, 190), (210, 190), (1060, 552), (1060, 552), (1060, 552));

        Assert.Equal(40, residuals[^1], 1);
    }

    [Fact]
    public void ResidualVars_ReactivePowerUnknown_IsNaN()
    {
        var residuals = ResidualVars((60, double.NaN), (1060, double.NaN), (1060, double.NaN));

        Assert.All(residuals, r => Assert.True(double.IsNaN(r)));
    }

    [Fact]
    public void ResidualVars_WaterHeatingSwitchingAtTheAirConditionersSize_IsNotTakenForIt()
    {
        // Two runs teach a 1000 W / 512 var air conditioner; then a washing machine heats its water at
        // 1050 W, pf 0.99 (150 var). Taken for the air conditioner, its 512 var would leave the small
        // loads at 40 + 150 - 512 = -322 var.
        var residuals = ResidualVars(
            (60, 40), (1060, 552), (1060, 552), (60, 40), (60, 40), (1060, 552), (1060, 552), (60, 40),
            (60, 40), (1110, 190), (1110, 190), (1110, 190));

        Assert.Equal(40, residuals[^1], 1);
    }

    [Fact]
    public void ReactiveRatio_AirConditionerSeenTwice_IsItsReactivePowerPerWatt()
    {
        var filter = new BigLoadFilter(680);
        (double Watts, double Vars)[] run = [(60, 40), (1060, 552), (1060, 552), (60, 40)];
        var minute = 0;
        void Feed() => Array.ForEach(run, r => filter.Residual(minute++ * TimeSpan.TicksPerMinute, r.Watts, 60, r.Vars));

        Feed();
        // One run could be any big switch that happened to coincide with a small one.
        Assert.Equal(0, filter.ReactiveRatio);
        Feed();
        Assert.Equal(0.512, filter.ReactiveRatio, 3);
    }

    [Fact]
    public void ReactiveRatio_HeaterOnly_IsZero()
    {
        var filter = new BigLoadFilter(680);
        (double Watts, double Vars)[] readings = [(60, 40), (1560, 40), (1560, 40), (60, 40), (60, 40), (1560, 40), (1560, 40), (60, 40)];
        for (var i = 0; i < readings.Length; i++)
        {
            filter.Residual(i * TimeSpan.TicksPerMinute, readings[i].Watts, 60, readings[i].Vars);
        }

        Assert.Equal(0, filter.ReactiveRatio);
    }

    [Fact]
    public void Switching_OnTheReadingThatFirstShowsABigJump_IsTrueUntilTheNext()
    {
        var filter = new BigLoadFilter(680);
        double[] readings = [60, 60, 1560, 1560];
        var switching = readings.Select((watts, i) =>
        {
            filter.Residual(i * TimeSpan.TicksPerMinute, watts, 60);
            return filter.Switching;
        }).ToArray();

        Assert.Equal([false, false, true, false], switching);
    }
}
