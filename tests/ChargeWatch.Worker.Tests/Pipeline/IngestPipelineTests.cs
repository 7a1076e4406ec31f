using System.Buffers;
using System.Text;
using ChargeWatch.Core.Alerts;
using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Detection;
using ChargeWatch.Core.Parsing;
using ChargeWatch.Core.Points;
using ChargeWatch.Core.Readings;
using ChargeWatch.Worker.Alerts;
using ChargeWatch.Worker.Counters;
using ChargeWatch.Worker.DeadLetters;
using ChargeWatch.Worker.Ingest;
using ChargeWatch.Worker.Pipeline;
using ChargeWatch.Worker.Storage;
using Channel = System.Threading.Channels.Channel;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ChargeWatch.Worker.Tests.Pipeline;

public sealed class IngestPipelineTests : IDisposable
{
    private const string Charger = "chargewatch/s1/charger/c01/telemetry";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cw-pipe-" + Guid.NewGuid().ToString("N"));
    // Wall time when the test messages arrive: the hour their readings are stamped with.
    private static readonly DateTimeOffset Arrival = DateTimeOffset.FromUnixTimeMilliseconds(1_783_510_200_000);
    private readonly ServiceCounters _counters = new();
    private readonly RecordingFactory _engines = new();
    private readonly ShardSet _shards;
    private readonly PointBatcher _batcher = new(5000, TimeSpan.FromSeconds(1), new FakeTimeProvider());
    private readonly DeadLetterFile _deadLetters;
    private readonly IngestPipeline _pipeline;
    private long _number;

    public IngestPipelineTests()
    {
        _shards = new ShardSet(_engines, new AlertDispatcher([], _counters, NullLogger<AlertDispatcher>.Instance), 3, NullLogger<ShardSet>.Instance);
        _deadLetters = new DeadLetterFile(_directory, 1 << 20, 2);
        _pipeline = new IngestPipeline(
            new TopicParser(), new TelemetryParser(1024), new ReadingPointMapper(), _batcher, new ShardRouter(3), _shards,
            _deadLetters, new RejectLog(NullLogger<RejectLog>.Instance, TimeProvider.System), _counters, TimeSpan.FromDays(1));
    }

    public void Dispose()
    {
        _deadLetters.Dispose();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private sealed class RecordingFactory : IDetectionEngineFactory
    {
        public List<(int Shard, string What)> Calls { get; } = [];

        public IDetectionEngine Create(int shard, int shardCount) => new Engine(shard, Calls);

        private sealed class Engine(int shard, List<(int, string)> calls) : IDetectionEngine
        {
            public void OnReading(Reading reading, List<AlertMessage> changes)
            {
                lock (calls)
                {
                    calls.Add((shard, $"reading {reading.Device} {reading.Seq}"));
                }
            }

            public void OnStatus(DeviceKey device, bool online, List<AlertMessage> changes)
            {
                lock (calls)
                {
                    calls.Add((shard, $"status {device} {online}"));
                }
            }

            public void OnWatermark(string site, DateTimeOffset watermark, List<AlertMessage> changes)
            {
                lock (calls)
                {
                    calls.Add((shard, $"watermark {site} {watermark.ToUnixTimeMilliseconds()}"));
                }
            }
        }
    }

    private async Task Feed(string topic, string payload)
    {
        var message = IncomingMessage.Copy(topic, new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(payload)), 1024, ++_number, Arrival);
        try
        {
            await _pipeline.ProcessAsync(message, TestContext.Current.CancellationToken);
        }
        finally
        {
            message.Release();
        }
    }

    private async Task<List<(int Shard, string What)>> EngineCalls()
    {
        await _shards.CompleteAsync();
        return _engines.Calls;
    }

    [Fact]
    public async Task Process_MixedInput_WritesValidPointsAndDeadLettersRejectsInOneBatch()
    {
        _shards.Start(TestContext.Current.CancellationToken);
        await Feed(Charger, """{"ts":1783510200000,"seq":1,"ports":[{"port":1,"a":1.5}]}""");
        await Feed(Charger, """{"ts":1783510201000,"seq":2,"ports":[{"port":1,"a":-1}]}""");
        await Feed("chargewatch/s1/toaster/t1/telemetry", "{}");
        await Feed("chargewatch/s1/feeder/f1/telemetry", new string(' ', 2000));
        await Feed("chargewatch/s1/sensor/t1/telemetry", """{"ts":1783510202000,"tempC":40}""");

        var batch = _batcher.Take();
        Assert.Equal(5, batch.AckThrough);
        Assert.Equal(3, batch.LineCount); // port + charger + sensor
        Assert.Contains("port,charger=c01,port=1,site=s1 a=1.5 1783510200000", batch.ToText(), StringComparison.Ordinal);
        Assert.Contains("sensor,sensor=t1,site=s1 tempC=40 1783510202000", batch.ToText(), StringComparison.Ordinal);
        Assert.Equal(3, _counters.MessagesRejected);
        Assert.Equal(1, _counters.Rejected(RejectReason.OutOfRange));
        Assert.Equal(1, _counters.Rejected(RejectReason.Unroutable));
        Assert.Equal(1, _counters.Rejected(RejectReason.TooLarge));
        var deadLetters = File.ReadAllLines(Path.Combine(_directory, DeadLetterFile.FileName));
        Assert.Equal(3, deadLetters.Length);
        Assert.Contains("\"reason\":\"out_of_range\"", deadLetters[0], StringComparison.Ordinal);
        Assert.Contains("ports[0].a", deadLetters[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_Redelivery_CountedAsDuplicateAndWrittenAgain()
    {
        _shards.Start(TestContext.Current.CancellationToken);
        const string payload = """{"ts":1783510200000,"seq":7,"a":3}""";
        await Feed("chargewatch/s1/feeder/f1/telemetry", payload);
        await Feed("chargewatch/s1/feeder/f1/telemetry", payload);
        await Feed("chargewatch/s1/feeder/f1/telemetry", """{"ts":1783510100000,"seq":3,"a":3}""");
        Assert.Equal(1, _counters.Duplicates);
        Assert.Equal(1, _counters.LateReadings);
        Assert.Equal(3, _batcher.Take().LineCount);
    }

    [Fact]
    public async Task Process_WatermarkAdvancesASecond_BroadcastToEveryShardInReceiveOrder()
    {
        _shards.Start(TestContext.Current.CancellationToken);
        await Feed("chargewatch/s1/feeder/f1/telemetry", """{"ts":1783510200000,"a":1}""");
        await Feed("chargewatch/s1/feeder/f1/telemetry", """{"ts":1783510200500,"a":1}""");
        await Feed("chargewatch/s1/feeder/f1/telemetry", """{"ts":1783510201000,"a":1}""");
        var calls = await EngineCalls();
        for (var shard = 0; shard < 3; shard++)
        {
            var watermarks = calls.Where(c => c.Shard == shard && c.What.StartsWith("watermark", StringComparison.Ordinal)).Select(c => c.What);
            Assert.Equal(["watermark s1 1783510200000", "watermark s1 1783510201000"], watermarks);
        }
        var feederShard = calls.First(c => c.What.StartsWith("reading", StringComparison.Ordinal)).Shard;
        var feederCalls = calls.Where(c => c.Shard == feederShard).Select(c => c.What).ToList();
        Assert.Equal(
            ["reading s1/feeder/f1 ", "watermark s1 1783510200000", "reading s1/feeder/f1 ", "reading s1/feeder/f1 ", "watermark s1 1783510201000"],
            feederCalls);
    }

    [Fact]
    public async Task Process_SiteDevicesInAnyOrder_MeetInTheSitesShard()
    {
        _shards.Start(TestContext.Current.CancellationToken);
        // A retained status arrives before any telemetry names the device's shed.
        await Feed("chargewatch/s1/charger/c3/status", "offline");
        await Feed("chargewatch/s1/feeder/fa/telemetry", """{"ts":1783510200000,"a":1,"shed":"shed-a"}""");
        for (var i = 0; i < 10; i++)
        {
            await Feed($"chargewatch/s1/charger/c{i}/telemetry", """{"ts":1783510200000,"shed":"shed-a","ports":[{"port":1,"a":1}]}""");
        }
        await Feed("chargewatch/s1/meter/m1/telemetry", """{"ts":1783510200000,"w":100}""");
        var calls = await EngineCalls();
        var shards = calls.Where(c => !c.What.StartsWith("watermark", StringComparison.Ordinal)).Select(c => c.Shard).Distinct();
        Assert.Equal([SiteShards.ShardOf("s1", 3)], shards);
        Assert.Contains(calls, c => c.What == "status s1/charger/c3 False");
    }

    [Fact]
    public async Task Process_ReadingStampedMoreThanADayAhead_RejectedAndWatermarkUntouched()
    {
        _shards.Start(TestContext.Current.CancellationToken);
        await Feed("chargewatch/s1/meter/m1/telemetry", """{"ts":1783510200000,"w":100}""");
        // A clock a year ahead, then one just inside the day allowed.
        await Feed("chargewatch/s1/meter/m2/telemetry", """{"ts":1815046200000,"w":100}""");
        await Feed("chargewatch/s1/meter/m3/telemetry", """{"ts":1783596000000,"w":100}""");

        var calls = await EngineCalls();

        Assert.Equal(1, _counters.Rejected(RejectReason.InvalidTimestamp));
        Assert.DoesNotContain(calls, c => c.What.Contains("m2", StringComparison.Ordinal));
        Assert.Contains(calls, c => c.What.Contains("m3", StringComparison.Ordinal));
        Assert.DoesNotContain(calls, c => c.What.Contains("1815046200000", StringComparison.Ordinal));
        Assert.Contains(calls, c => c.What == "watermark s1 1783596000000");
    }

    [Fact]
    public async Task Run_InputCompleted_FlushesLastBatchAndCompletesOutput()
    {
        _shards.Start(TestContext.Current.CancellationToken);
        var input = Channel.CreateUnbounded<IncomingMessage>();
        var output = Channel.CreateBounded<WriteBatch>(2);
        input.Writer.TryWrite(IncomingMessage.Copy("chargewatch/s1/feeder/f1/telemetry", new ReadOnlySequence<byte>("""{"ts":1783510200000,"a":1}"""u8.ToArray()), 1024, 1, Arrival));
        input.Writer.TryWrite(IncomingMessage.Copy("chargewatch/s1/feeder/f1/status", new ReadOnlySequence<byte>("maybe"u8.ToArray()), 1024, 2, Arrival));
        input.Writer.Complete();
        await _pipeline.RunAsync(input.Reader, output, TestContext.Current.CancellationToken);
        var batches = new List<WriteBatch>();
        await foreach (var batch in output.Reader.ReadAllAsync(TestContext.Current.CancellationToken))
        {
            batches.Add(batch);
        }
        Assert.Equal(2, batches.Max(b => b.AckThrough));
        Assert.Equal(1, batches.Sum(b => b.LineCount));
        Assert.Equal(1, _counters.Rejected(RejectReason.InvalidStatus));
    }
}
