using ChargeWatch.Core.Alerts;
using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Detection;
using ChargeWatch.Core.Readings;
using ChargeWatch.Worker.Alerts;
using ChargeWatch.Worker.Counters;
using ChargeWatch.Worker.Pipeline;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargeWatch.Worker.Tests.Pipeline;

public sealed class ShardSetTests
{
    private readonly Statuses _engines = new();

    private ShardSet Start(int shards = 2)
    {
        var set = new ShardSet(_engines, new AlertDispatcher([], new ServiceCounters(), NullLogger<AlertDispatcher>.Instance), shards, NullLogger<ShardSet>.Instance);
        set.Start(TestContext.Current.CancellationToken);
        return set;
    }

    private static ShardWork Item(int n) => ShardWork.ForStatus(new DeviceKey("s1", DeviceKind.Charger, "c" + n), online: true);

    [Fact]
    public async Task Post_AFullBatch_GoesToItsEngineWithoutAFlush()
    {
        var shards = Start();
        for (var n = 0; n < ShardSet.BatchSize; n++)
        {
            await shards.PostAsync(1, Item(n), TestContext.Current.CancellationToken);
        }

        await _engines.WaitForAsync(ShardSet.BatchSize);

        Assert.Equal(Enumerable.Range(0, ShardSet.BatchSize).Select(n => (1, "c" + n)), _engines.Seen());
    }

    [Fact]
    public async Task Flush_PostsWhatWaits_InOrder_AcrossBatches()
    {
        var shards = Start();
        var count = (2 * ShardSet.BatchSize) + 3;
        for (var n = 0; n < count; n++)
        {
            await shards.PostAsync(n % 2, Item(n), TestContext.Current.CancellationToken);
        }

        await shards.FlushAsync(TestContext.Current.CancellationToken);
        await _engines.WaitForAsync(count);

        for (var shard = 0; shard < 2; shard++)
        {
            var expected = Enumerable.Range(0, count).Where(n => n % 2 == shard).Select(n => "c" + n);
            Assert.Equal(expected, _engines.Seen().Where(s => s.Shard == shard).Select(s => s.Device));
        }
    }

    [Fact]
    public async Task Complete_PostsWhatWaitsBeforeTheShardsStop()
    {
        var shards = Start();
        await shards.PostAsync(0, Item(7), TestContext.Current.CancellationToken);

        await shards.CompleteAsync();

        Assert.Equal([(0, "c7")], _engines.Seen());
    }

    private sealed class Statuses : IDetectionEngineFactory
    {
        private readonly List<(int Shard, string Device)> _seen = [];

        public IDetectionEngine Create(int shard, int shardCount) => new Engine(shard, this);

        public (int Shard, string Device)[] Seen()
        {
            lock (_seen)
            {
                return [.. _seen];
            }
        }

        public async Task WaitForAsync(int count)
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (Seen().Length < count && DateTime.UtcNow < deadline)
            {
                await Task.Delay(5, TestContext.Current.CancellationToken);
            }
        }

        private sealed class Engine(int shard, Statuses owner) : IDetectionEngine
        {
            public void OnReading(Reading reading, List<AlertMessage> changes)
            {
            }

            public void OnStatus(DeviceKey device, bool online, List<AlertMessage> changes)
            {
                lock (owner._seen)
                {
                    owner._seen.Add((shard, device.Device));
                }
            }

            public void OnWatermark(string site, DateTimeOffset watermark, List<AlertMessage> changes)
            {
            }
        }
    }
}
