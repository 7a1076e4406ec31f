using ChargeWatch.Core.Readings;

namespace ChargeWatch.Core.Tests.Readings;

public class DeviceSequenceTests
{
    private static readonly DateTimeOffset T0 = new(2026, 7, 8, 21, 30, 0, TimeSpan.FromHours(8));

    [Fact]
    public void Classify_SameSeq_IsDuplicate()
    {
        var sequence = new DeviceSequence();
        sequence.Classify(T0, 5);

        Assert.Equal(ReadingOrder.Duplicate, sequence.Classify(T0, 5));
    }

    [Fact]
    public void Classify_SameTsWithoutSeq_IsDuplicate()
    {
        var sequence = new DeviceSequence();
        sequence.Classify(T0, null);

        Assert.Equal(ReadingOrder.Duplicate, sequence.Classify(T0.ToOffset(TimeSpan.Zero), null));
    }

    [Fact]
    public void Classify_OlderTs_IsLateAndDoesNotMoveNewest()
    {
        var sequence = new DeviceSequence();
        sequence.Classify(T0.AddSeconds(10), 2);

        Assert.Equal(ReadingOrder.Late, sequence.Classify(T0, 1));
        Assert.Equal(T0.AddSeconds(10), sequence.Newest);
        Assert.Equal(ReadingOrder.InOrder, sequence.Classify(T0.AddSeconds(20), 3));
    }

    [Fact]
    public void Classify_SeqRestartWithNewerTs_IsInOrder()
    {
        var sequence = new DeviceSequence();
        sequence.Classify(T0, 900);

        Assert.Equal(ReadingOrder.InOrder, sequence.Classify(T0.AddSeconds(5), 1));
    }
}
