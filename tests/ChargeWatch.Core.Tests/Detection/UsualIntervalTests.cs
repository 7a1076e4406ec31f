using ChargeWatch.Core.Detection;

namespace ChargeWatch.Core.Tests.Detection;

public class UsualIntervalTests
{
    [Fact]
    public void Median_NoGapYet_IsNull()
    {
        Assert.Null(new UsualInterval().Median);
    }

    [Fact]
    public void Median_OneLongOutage_IsIgnored()
    {
        var interval = new UsualInterval();
        foreach (var seconds in new[] { 10, 10, 11, 600, 9, 10 })
        {
            interval.Observe(TimeSpan.FromSeconds(seconds));
        }

        Assert.Equal(TimeSpan.FromSeconds(10), interval.Median);
    }

    [Fact]
    public void Median_DeviceSlowsForGood_FollowsWithinFourReadings()
    {
        var interval = new UsualInterval();
        for (var i = 0; i < 7; i++)
        {
            interval.Observe(TimeSpan.FromSeconds(10));
        }
        for (var i = 0; i < 4; i++)
        {
            interval.Observe(TimeSpan.FromSeconds(60));
        }

        Assert.Equal(TimeSpan.FromSeconds(60), interval.Median);
    }
}
