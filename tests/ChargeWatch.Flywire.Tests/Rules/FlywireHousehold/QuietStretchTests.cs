using ChargeWatch.Core.Rules.FlywireHousehold;

namespace ChargeWatch.Flywire.Tests.Rules.FlywireHousehold;

public sealed class QuietStretchTests
{
    private static long Minute(double m) => (long)(m * TimeSpan.TicksPerMinute);

    [Fact]
    public void Mean_Empty_IsTheLastReading()
    {
        var stretch = new QuietStretch();

        Assert.Equal((120, 80), stretch.Mean(120, 80));
    }

    [Fact]
    public void Mean_ReadingsOfTheLastFiveMinutes_IsTheirMean()
    {
        var stretch = new QuietStretch();
        // A reading 6 min before the newest is too old to stand for the level just before a step.
        stretch.Add(Minute(0), 1000, 500);
        stretch.Add(Minute(6), 1040, 520);
        stretch.Add(Minute(7), 960, 480);
        stretch.Add(Minute(8), 1000, 500);

        var (watts, vars) = stretch.Mean(0, 0);

        Assert.Equal(1000, watts, 6);
        Assert.Equal(500, vars, 6);
    }

    [Fact]
    public void Mean_MoreReadingsThanItHolds_KeepsTheNewest()
    {
        var stretch = new QuietStretch();
        for (var s = 0; s < 20; s++)
        {
            stretch.Add(Minute(s / 10.0), s < 10 ? 0 : 100, double.NaN);
        }

        var (watts, vars) = stretch.Mean(0, 0);

        Assert.Equal(100, watts, 6);
        Assert.True(double.IsNaN(vars));
    }

    [Fact]
    public void Clear_ForgetsTheStretch()
    {
        var stretch = new QuietStretch();
        stretch.Add(Minute(0), 1000, 500);

        stretch.Clear();

        Assert.Equal((60, 30), stretch.Mean(60, 30));
    }
}
