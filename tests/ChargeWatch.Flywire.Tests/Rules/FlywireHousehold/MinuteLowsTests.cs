using ChargeWatch.Core.Rules.FlywireHousehold;

namespace ChargeWatch.Flywire.Tests.Rules.FlywireHousehold;

public sealed class MinuteLowsTests
{
    private static long Minute(double m) => (long)(m * TimeSpan.TicksPerMinute);

    [Fact]
    public void Between_TheLowestReadingsOfTheStretch_EachQuantityOnItsOwn()
    {
        var lows = new MinuteLows();
        lows.Record(Minute(10.2), 300, 200, 150);
        lows.Record(Minute(10.7), 250, 220, 120);
        lows.Record(Minute(11.5), 400, 180, 160);
        lows.Record(Minute(20.5), 100, 50, 10);

        var stretch = lows.Between(Minute(10), Minute(12));

        Assert.Equal(new MinuteLows.Lows(250, 180, 120), stretch);
    }

    [Fact]
    public void Between_ReactivePowerUnknownAtOneReading_TakesTheOthers()
    {
        var lows = new MinuteLows();
        lows.Record(Minute(5.1), 300, 200, double.NaN);
        lows.Record(Minute(5.6), 310, 210, 140);
        lows.Record(Minute(6.1), 320, 220, double.NaN);

        Assert.Equal(140, lows.Between(Minute(5), Minute(7)).ResidualVars);
    }

    [Fact]
    public void Between_NoReadingInTheStretch_IsNaN()
    {
        var lows = new MinuteLows();
        lows.Record(Minute(5), 300, 200, 140);

        var stretch = lows.Between(Minute(6), Minute(30));

        Assert.True(double.IsNaN(stretch.Watts) && double.IsNaN(stretch.ResidualWatts) && double.IsNaN(stretch.ResidualVars));
    }

    [Fact]
    public void Between_MinutesOlderThanAnHourAndAHalf_AreForgotten()
    {
        var lows = new MinuteLows();
        lows.Record(Minute(0), 10, 10, 10);
        // 90 minutes later the ring's bucket of minute 0 holds minute 90.
        lows.Record(Minute(90), 500, 400, 300);

        Assert.Equal(500, lows.Between(Minute(0), Minute(90)).Watts);
        Assert.True(double.IsNaN(lows.Between(Minute(0), Minute(1)).Watts));
    }

    [Fact]
    public void RisenSince_TheMinuteAfterTheLastLowBelowTheLevel()
    {
        var lows = new MinuteLows();
        for (var m = 0; m < 40; m++)
        {
            // A 150 W load on from minute 12 to 14, off, then on for good from minute 25.
            var on = m is >= 12 and < 15 || m >= 25;
            lows.Record(Minute(m + 0.5), 100 + (on ? 150 : 0), 100 + (on ? 150 : 0), 50);
        }

        Assert.Equal(Minute(25), lows.RisenSince(Minute(0), Minute(40), 175));
        Assert.Equal(Minute(0), lows.RisenSince(Minute(0), Minute(40), 90));
    }

    [Fact]
    public void Clear_ForgetsEveryMinute()
    {
        var lows = new MinuteLows();
        lows.Record(Minute(3), 300, 200, 140);

        lows.Clear();

        Assert.True(double.IsNaN(lows.Between(Minute(0), Minute(10)).Watts));
    }
}
