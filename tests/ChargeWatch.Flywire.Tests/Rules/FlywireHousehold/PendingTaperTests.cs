using ChargeWatch.Core.Rules.FlywireHousehold;

namespace ChargeWatch.Flywire.Tests.Rules.FlywireHousehold;

public sealed class PendingTaperTests
{
    private static long Minute(int m) => m * TimeSpan.TicksPerMinute;

    private static PendingTaper SeenAt200WattsOverA40WattLow()
    {
        var taper = new PendingTaper(TimeSpan.FromMinutes(5), 0.03);
        // Load over the low: 160 W, so the fall must go on by 4.8 W.
        taper.Start(Minute(0), floor: 200, stepFree: 500, low: 40, plateauWatts: 180, plateauFromTicks: Minute(-60), backing: 0.6);
        return taper;
    }

    [Fact]
    public void Confirmed_FloorGoesOnFalling_AfterTheWait()
    {
        var taper = SeenAt200WattsOverA40WattLow();

        Assert.False(taper.Confirmed(Minute(3), floor: 190, stepFree: 490));
        Assert.True(taper.Confirmed(Minute(5), floor: 194, stepFree: 500));
        Assert.False(taper.IsPending);
        Assert.Equal(180, taper.PlateauWatts);
        Assert.Equal(0.6, taper.Backing);
    }

    [Fact]
    public void Confirmed_RefrigeratorHoldsTheFloor_TheStepFreeLevelStillFalls()
    {
        var taper = SeenAt200WattsOverA40WattLow();

        Assert.True(taper.Confirmed(Minute(6), floor: 200, stepFree: 494));
    }

    [Fact]
    public void Confirmed_FallStopped_GivesUp()
    {
        var taper = SeenAt200WattsOverA40WattLow();

        Assert.False(taper.Confirmed(Minute(6), floor: 197, stepFree: 498));
        Assert.True(taper.IsPending);
        Assert.False(taper.Confirmed(Minute(13), floor: 197, stepFree: 498));
        Assert.False(taper.IsPending);
    }
}
