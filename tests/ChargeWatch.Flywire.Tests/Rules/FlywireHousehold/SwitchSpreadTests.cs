using ChargeWatch.Core.Rules.FlywireHousehold;

namespace ChargeWatch.Flywire.Tests.Rules.FlywireHousehold;

public sealed class SwitchSpreadTests
{
    [Fact]
    public void ASwitchSpreadOverTwoReadings_CountsAsSpread()
    {
        // An averaging meter: a 150 W refrigerator switched on partway through an interval.
        var spread = Fed(20, 20, 80, 170, 170, 170);

        Assert.Equal((1, 1), (spread.Steps, spread.Spread));
    }

    [Fact]
    public void ASwitchWholeInOneReading_IsNotSpread()
    {
        // A sampling meter: the step is whole, and the start-up surge falls back, the other way.
        var spread = Fed(20, 20, 230, 170, 170, 170);

        Assert.Equal((1, 0), (spread.Steps, spread.Spread));
    }

    [Fact]
    public void ASamplingMetersSwitches_AreCountedWhole()
    {
        var spread = new SwitchSpread();
        FeedRepeatedly(spread, 8, SamplingOnAndOff);

        Assert.Equal((16, 0), (spread.Steps, spread.Spread));
    }

    [Fact]
    public void TheReadingThatJudgesAStep_IsNoStepOfItsOwn()
    {
        // A refrigerator's 200 W run of one reading: the switch-off judges the switch-on.
        var spread = Fed(20, 220, 20, 20);

        Assert.Equal((1, 0), (spread.Steps, spread.Spread));
    }

    [Fact]
    public void AnAveragingMetersSwitches_AreCountedSpread()
    {
        var spread = new SwitchSpread();
        FeedRepeatedly(spread, 10, AveragingOnAndOff);

        // Each switch-on and switch-off is one step, its second half judged, not counted again.
        Assert.Equal((20, 20), (spread.Steps, spread.Spread));
    }

    [Fact]
    public void TheCounts_CoverOnlyTheLastWindowOfSteps()
    {
        // A week of an averaging meter's switches, then a sampling stretch as long as the window.
        var spread = new SwitchSpread();
        FeedRepeatedly(spread, 1000, AveragingOnAndOff);
        FeedRepeatedly(spread, SwitchSpread.Window / 2, SamplingOnAndOff);

        Assert.Equal((SwitchSpread.Window, 0), (spread.Steps, spread.Spread));
    }

    [Fact]
    public void SmallChanges_AreNoSteps()
    {
        var spread = Fed(20, 70, 20, 75, 30);

        Assert.Equal(0, spread.Steps);
    }

    [Fact]
    public void Break_ForgetsTheLastReading()
    {
        var spread = Fed(20);
        spread.Break();
        Feed(spread, 500, 500);

        Assert.Equal(0, spread.Steps);
    }

    // A 150 W load switched on and off, each switch whole in one reading.
    private static readonly double[] SamplingOnAndOff = [20, 170, 170, 20, 20];

    // The same, each switch spread over two readings.
    private static readonly double[] AveragingOnAndOff = [20, 20, 95, 170, 170, 100, 20, 20];

    private static void FeedRepeatedly(SwitchSpread spread, int times, double[] watts)
    {
        for (var i = 0; i < times; i++)
        {
            Feed(spread, watts);
        }
    }

    private static SwitchSpread Fed(params double[] watts)
    {
        var spread = new SwitchSpread();
        Feed(spread, watts);
        return spread;
    }

    private static void Feed(SwitchSpread spread, params double[] watts)
    {
        foreach (var w in watts)
        {
            spread.Add(w);
        }
    }
}
