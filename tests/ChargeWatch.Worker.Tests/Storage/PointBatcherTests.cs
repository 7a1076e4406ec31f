using ChargeWatch.Worker.Storage;
using Microsoft.Extensions.Time.Testing;

namespace ChargeWatch.Worker.Tests.Storage;

public sealed class PointBatcherTests
{
    private readonly FakeTimeProvider _time = new();

    private static void AddMessage(PointBatcher batcher, long number, int points)
    {
        for (var i = 0; i < points; i++)
        {
            batcher.Lines.BeginLine("m").Tag("n", number.ToString(System.Globalization.CultureInfo.InvariantCulture)).Field("f", (long?)i).EndLine(number);
        }
        batcher.MessageAdded(number);
    }

    [Fact]
    public void IsFull_AtBatchSizeLines_True()
    {
        var batcher = new PointBatcher(batchSize: 10, TimeSpan.FromSeconds(1), _time);
        AddMessage(batcher, 1, 6);
        Assert.False(batcher.IsFull);
        AddMessage(batcher, 2, 4);
        Assert.True(batcher.IsFull);
    }

    [Fact]
    public void IsDue_AfterFlushIntervalSinceFirstMessage_True()
    {
        var batcher = new PointBatcher(batchSize: 5000, TimeSpan.FromMilliseconds(1000), _time);
        Assert.False(batcher.IsDue);
        Assert.Null(batcher.DueIn);
        AddMessage(batcher, 1, 1);
        _time.Advance(TimeSpan.FromMilliseconds(600));
        AddMessage(batcher, 2, 1); // a later message does not restart the clock
        Assert.False(batcher.IsDue);
        Assert.Equal(TimeSpan.FromMilliseconds(400), batcher.DueIn);
        _time.Advance(TimeSpan.FromMilliseconds(400));
        Assert.True(batcher.IsDue);
        Assert.Equal(TimeSpan.Zero, batcher.DueIn);
    }

    [Fact]
    public void IsRipe_AfterLingerSinceFirstMessage_True()
    {
        var batcher = new PointBatcher(batchSize: 5000, TimeSpan.FromMilliseconds(1000), _time, linger: TimeSpan.FromMilliseconds(50));
        Assert.False(batcher.IsRipe);
        Assert.Null(batcher.RipeIn);
        AddMessage(batcher, 1, 1);
        Assert.False(batcher.IsRipe);
        _time.Advance(TimeSpan.FromMilliseconds(30));
        Assert.Equal(TimeSpan.FromMilliseconds(20), batcher.RipeIn);
        _time.Advance(TimeSpan.FromMilliseconds(20));
        Assert.True(batcher.IsRipe);
        Assert.False(batcher.IsDue);
    }

    [Fact]
    public void IsRipe_FullBeforeLinger_True()
    {
        var batcher = new PointBatcher(batchSize: 2, TimeSpan.FromMilliseconds(1000), _time, linger: TimeSpan.FromMilliseconds(50));
        AddMessage(batcher, 1, 2);
        Assert.True(batcher.IsRipe);
    }

    [Fact]
    public void IsRipe_LingerLongerThanFlushInterval_RipeAtFlushInterval()
    {
        var batcher = new PointBatcher(batchSize: 5000, TimeSpan.FromMilliseconds(10), _time, linger: TimeSpan.FromMilliseconds(50));
        AddMessage(batcher, 1, 1);
        _time.Advance(TimeSpan.FromMilliseconds(10));
        Assert.True(batcher.IsRipe);
        Assert.True(batcher.IsDue);
    }

    [Fact]
    public void Take_ReturnsLinesAndLastAckNumber_ThenStartsEmpty()
    {
        var batcher = new PointBatcher(batchSize: 5000, TimeSpan.FromSeconds(1), _time);
        AddMessage(batcher, 7, 2);
        AddMessage(batcher, 8, 0); // a rejected message: no points, still acknowledged with the batch
        var batch = batcher.Take();
        Assert.Equal((2, 8L), (batch.LineCount, batch.AckThrough));
        Assert.Equal("m,n=7 f=0i 7\nm,n=7 f=1i 7\n", batch.ToText());
        Assert.True(batcher.IsEmpty);
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.False(batcher.IsDue);
    }

    [Fact]
    public void Take_MessagesWithoutPoints_GiveBatchThatOnlyAcknowledges()
    {
        var batcher = new PointBatcher(batchSize: 5000, TimeSpan.FromSeconds(1), _time);
        AddMessage(batcher, 3, 0);
        Assert.False(batcher.IsEmpty);
        var batch = batcher.Take();
        Assert.False(batch.HasLines);
        Assert.Equal(3, batch.AckThrough);
    }
}
