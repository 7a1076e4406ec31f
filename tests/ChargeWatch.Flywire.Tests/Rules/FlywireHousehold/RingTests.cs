using ChargeWatch.Core.Rules.FlywireHousehold;

namespace ChargeWatch.Flywire.Tests.Rules.FlywireHousehold;

public sealed class RingTests
{
    [Fact]
    public void Newest_CountsBackFromTheLastAdded()
    {
        var ring = new Ring<int>(3);
        ring.Add(1);
        ring.Add(2);

        Assert.Equal(2, ring.Count);
        Assert.Equal(2, ring.Newest(0));
        Assert.Equal(1, ring.Newest(1));
    }

    [Fact]
    public void Add_BeyondCapacity_OverwritesTheOldest()
    {
        var ring = new Ring<int>(3);
        for (var i = 1; i <= 5; i++)
        {
            ring.Add(i);
        }

        Assert.Equal(3, ring.Count);
        Assert.Equal([5, 4, 3], [ring.Newest(0), ring.Newest(1), ring.Newest(2)]);
    }

    [Fact]
    public void Clear_ForgetsEverything()
    {
        var ring = new Ring<int>(3);
        ring.Add(7);
        ring.Add(8);
        ring.Clear();
        ring.Add(9);

        Assert.Equal(1, ring.Count);
        Assert.Equal(9, ring.Newest(0));
    }
}
