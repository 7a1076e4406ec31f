using ChargeWatch.Worker.Acks;

namespace ChargeWatch.Worker.Tests.Acks;

public sealed class AckSequencerTests
{
    private sealed class RecordingAck(int id, List<int> log) : IAckHandle
    {
        public ValueTask AcknowledgeAsync(CancellationToken ct)
        {
            lock (log)
            {
                log.Add(id);
            }
            return ValueTask.CompletedTask;
        }
    }

    [Fact]
    public async Task CompleteThrough_AcknowledgesOnlyUpToNumber_InReceiveOrder()
    {
        var log = new List<int>();
        var sequencer = new AckSequencer();
        var numbers = Enumerable.Range(1, 5).Select(i => sequencer.Register(new RecordingAck(i, log))).ToList();
        Assert.Equal([1L, 2, 3, 4, 5], numbers);

        await sequencer.CompleteThroughAsync(3, TestContext.Current.CancellationToken);
        Assert.Equal([1, 2, 3], log);
        Assert.Equal(2, sequencer.PendingCount);

        await sequencer.CompleteThroughAsync(5, TestContext.Current.CancellationToken);
        Assert.Equal([1, 2, 3, 4, 5], log);
        Assert.Equal(0, sequencer.PendingCount);
    }

    [Fact]
    public async Task CompleteThrough_OlderNumberAfterNewer_AcknowledgesNothingTwice()
    {
        var log = new List<int>();
        var sequencer = new AckSequencer();
        for (var i = 1; i <= 3; i++)
        {
            sequencer.Register(new RecordingAck(i, log));
        }
        await sequencer.CompleteThroughAsync(3, TestContext.Current.CancellationToken);
        await sequencer.CompleteThroughAsync(2, TestContext.Current.CancellationToken);
        Assert.Equal([1, 2, 3], log);
        Assert.Equal(3, sequencer.CompletedThrough);
    }

    [Fact]
    public async Task RegisterWhileCompleting_ConcurrentThreads_AcknowledgesEveryMessageOnceInOrder()
    {
        var log = new List<int>();
        var sequencer = new AckSequencer();
        const int count = 20_000;
        var registered = 0L;
        var producer = Task.Run(() =>
        {
            for (var i = 1; i <= count; i++)
            {
                sequencer.Register(new RecordingAck(i, log));
                Volatile.Write(ref registered, i);
            }
        }, TestContext.Current.CancellationToken);
        while (sequencer.CompletedThrough < count)
        {
            // The writer completes in steps that trail registration, as batches do.
            var upTo = Volatile.Read(ref registered);
            await sequencer.CompleteThroughAsync(upTo, TestContext.Current.CancellationToken);
        }
        await producer;
        Assert.Equal(Enumerable.Range(1, count), log);
    }
}
