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
    public void LooksSampling_OnlyAfterEnoughWholeSteps()
    {
        var spread = new SwitchSpread();
        for (var i = 0; i < 7; i++)
        {
            Feed(spread, 20, 170, 170);
        }
        Assert.False(spread.LooksSampling);

        Feed(spread, 20, 170, 170);
        Assert.True(spread.LooksSampling);
    }

    [Fact]
    public void LooksSampling_NotOnAMeterThatSpreadsItsSwitches()
    {
        var spread = new SwitchSpread();
        for (var i = 0; i < 10; i++)
        {
            Feed(spread, 20, 20, 95, 170, 170, 100, 20, 20);
        }

        Assert.False(spread.LooksSampling);
        Assert.True(spread.Spread >= spread.Steps / 2);
    }

    [Fact]
    public void Break_ForgetsTheLastReading()
    {
        var spread = Fed(20);
        spread.Break();
        Feed(spread, 500, 500);

        Assert.Equal(0, spread.Steps);
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
