using ChargeWatch.Core.Rules.FlywireHousehold;

namespace ChargeWatch.Flywire.Tests.Rules.FlywireHousehold;

public sealed class ApplianceSizesTests
{
    [Fact]
    public void TryHolding_SwitchOnOfAKnownSizeAndACharger_GivesTheKnownSize()
    {
        var sizes = new ApplianceSizes();
        sizes.Learn(1250, 10);
        sizes.Learn(1262, -10);

        Assert.True(sizes.TryHolding(1405, out var watts, out var vars));
        Assert.InRange(watts, 1250, 1262);
        Assert.InRange(vars, -10, 10);
    }

    [Fact]
    public void TryHolding_PicksTheLargestSizeLeavingAChargersRemainder()
    {
        var sizes = new ApplianceSizes();
        sizes.Learn(800, 10);
        sizes.Learn(800, 10);
        sizes.Learn(1250, 10);
        sizes.Learn(1250, 10);

        Assert.True(sizes.TryHolding(1400, out var watts, out _));
        Assert.Equal(1250, watts);
    }

    [Theory]
    [InlineData(1290)] // within the appliance's run-to-run spread: itself
    [InlineData(1950)] // more beside it than any charger draws
    [InlineData(900)]  // smaller than the appliance
    public void TryHolding_NoChargerSizedRemainder_IsFalse(double step)
    {
        var sizes = new ApplianceSizes();
        sizes.Learn(1250, 10);
        sizes.Learn(1250, 10);

        Assert.False(sizes.TryHolding(step, out var watts, out _));
        Assert.True(double.IsNaN(watts));
    }

    [Fact]
    public void TryHolding_SizeSeenOnce_IsNoSizeToSplitBy()
    {
        // A rice cooker's one cooking run: an air conditioner's first switch-on is not it and a charger.
        var sizes = new ApplianceSizes();
        sizes.Learn(800, 110);

        Assert.False(sizes.TryHolding(1243, out _, out _));
        sizes.Learn(810, 100);
        Assert.True(sizes.TryHolding(1243, out _, out _));
    }

    [Fact]
    public void Learn_SameSizeAgain_AveragesIntoIt()
    {
        var sizes = new ApplianceSizes();
        sizes.Learn(1000, 400);
        sizes.Learn(1040, 440);

        Assert.True(sizes.TryHolding(1200, out var watts, out var vars));
        Assert.Equal(1020, watts);
        Assert.Equal(420, vars);
    }

    [Fact]
    public void Learn_MoreSizesThanItKeeps_ForgetsTheRarest()
    {
        var sizes = new ApplianceSizes();
        sizes.Learn(3000, 0);
        sizes.Learn(3000, 0);
        sizes.Learn(3000, 0);
        for (var i = 0; i < 6; i++)
        {
            sizes.Learn(700 + (i * 200), 0);
            sizes.Learn(700 + (i * 200), 0);
        }

        Assert.True(sizes.TryHolding(3200, out var watts, out _));
        Assert.Equal(3000, watts);
    }
}
