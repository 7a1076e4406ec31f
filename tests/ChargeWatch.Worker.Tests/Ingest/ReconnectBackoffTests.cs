using ChargeWatch.Worker.Ingest;

namespace ChargeWatch.Worker.Tests.Ingest;

public sealed class ReconnectBackoffTests
{
    [Fact]
    public void Next_GrowsExponentiallyWithinJitterAndStaysUnderMax()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5), new Random(42));
        var ceiling = 100.0;
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var delay = backoff.Next().TotalMilliseconds;
            var expected = Math.Min(5000, ceiling);
            Assert.InRange(delay, expected / 2, expected);
            ceiling *= 2;
        }
    }

    [Fact]
    public void Reset_AfterSuccess_StartsFromTheMinimumAgain()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5), new Random(1));
        for (var i = 0; i < 10; i++)
        {
            backoff.Next();
        }
        backoff.Reset();
        Assert.InRange(backoff.Next().TotalMilliseconds, 50, 100);
    }
}
