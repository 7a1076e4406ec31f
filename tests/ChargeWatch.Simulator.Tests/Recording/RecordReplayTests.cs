using System.Text;
using ChargeWatch.Simulator.Mqtt;
using ChargeWatch.Simulator.Recording;
using ChargeWatch.Simulator.Running;
using ChargeWatch.Simulator.Simulation;
using ChargeWatch.Testing;

namespace ChargeWatch.Simulator.Tests.Recording;

/// <summary>Against a real Mosquitto: what a run publishes is recorded, and a replay publishes it again unchanged.</summary>
public sealed class RecordReplayTests : IAsyncLifetime
{
    private MosquittoProcess? _broker;
    private readonly string _dir = Directory.CreateTempSubdirectory("cw-sim-rec").FullName;

    private BrokerAddress Broker => new(_broker!.Host, _broker.Port);

    public async ValueTask InitializeAsync() => _broker = await MosquittoProcess.StartNewAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_broker is not null)
        {
            await _broker.DisposeAsync();
        }
        Directory.Delete(_dir, recursive: true);
    }

    [Theory]
    [InlineData("rec.jsonl")]
    [InlineData("rec.jsonl.gz")]
    public async Task Record_ThenReplay_ReproducesTopicsAndPayloadsInOrder(string fileName)
    {
        var ct = TestContext.Current.CancellationToken;
        var scenario = TestScenarios.Small(duration: "15m",
            events: """[{ type: malformed, at: "20:05", device: shed-a-c01, count: 3 }, { type: silent, at: "20:06", duration: 2m, device: shed-a-feeder, offline: true }]""");
        var expected = new ScenarioEngine(scenario).Messages().ToList();
        var path = Path.Combine(_dir, fileName);

        // Record a run through the broker.
        await using (var writer = RecordWriter.Create(path))
        {
            await using var recorderLink = await MqttLink.ConnectAsync(Broker, "rec", cancellationToken: ct);
            var recorder = new Recorder(writer, TimeProvider.System);
            recorder.Attach(recorderLink);
            await recorderLink.SubscribeAsync("chargewatch/#", ct);
            await using var publisher = await MqttLink.ConnectAsync(Broker, "sim", cancellationToken: ct);
            await LiveRun.RunAsync(new ScenarioEngine(scenario), publisher, null, new Pacer(0, TimeProvider.System), Quiet(), ct);
            await Eventually.UntilAsync(() => Task.FromResult(recorder.Count), c => c >= expected.Count, TimeSpan.FromSeconds(20), "recording", cancellationToken: ct);
        }
        var recorded = RecordReader.Read(path).ToList();
        Assert.Equal(expected.Select(Key), recorded.Select(l => (l.Topic, Convert.ToBase64String(l.PayloadBytes()))));
        Assert.All(recorded.Where(l => l.Topic.EndsWith("/telemetry", StringComparison.Ordinal) && l.EventTime is null),
            l => Assert.Contains("shed-a-c01", l.Topic, StringComparison.Ordinal));
        Assert.Equal(expected.Count(m => m.Topic.EndsWith("/telemetry", StringComparison.Ordinal)) - 3, recorded.Count(l => l.EventTime is not null));

        // Replay it to a fresh listener.
        var replayed = new List<(string, string)>();
        await using var listener = await MqttLink.ConnectAsync(Broker, "listener", cancellationToken: ct);
        listener.Received += (topic, payload, retained) =>
        {
            if (!retained)
            {
                lock (replayed)
                {
                    replayed.Add((topic, Convert.ToBase64String(System.Buffers.BuffersExtensions.ToArray(payload))));
                }
            }
        };
        await listener.SubscribeAsync("chargewatch/#", ct);
        await using var replayer = await MqttLink.ConnectAsync(Broker, "replay", cancellationToken: ct);
        var sent = await Replayer.ReplayAsync(RecordReader.Read(path), replayer, new Pacer(0, TimeProvider.System), null, TimeSpan.Zero, false, ct);
        await Eventually.UntilAsync(() => Task.FromResult(replayed.Count), c => c >= sent, TimeSpan.FromSeconds(20), "replay", cancellationToken: ct);

        Assert.Equal(expected.Count, sent);
        lock (replayed)
        {
            Assert.Equal(expected.Select(Key), replayed);
        }
    }

    [Fact]
    public void Shift_RecordedTimestamp_MovesItKeepingItsForm()
    {
        var rfc = TimestampShifter.Shift("{\"ts\":\"2026-07-08T21:30:00.000+08:00\",\"w\":412}"u8.ToArray(), TimeSpan.FromHours(1));
        var epoch = TimestampShifter.Shift("{\"ts\":1783517400000,\"w\":412}"u8.ToArray(), TimeSpan.FromSeconds(1));

        Assert.Equal("{\"ts\":\"2026-07-08T22:30:00.000+08:00\",\"w\":412}", Encoding.UTF8.GetString(rfc));
        Assert.Equal("{\"ts\":1783517401000,\"w\":412}", Encoding.UTF8.GetString(epoch));
        Assert.Equal("not json"u8.ToArray(), TimestampShifter.Shift("not json"u8.ToArray(), TimeSpan.FromHours(1)));
    }

    private static (string, string) Key(SimMessage m) => (m.Topic, Convert.ToBase64String(m.Payload));

    private static ProgressReporter Quiet() => new(TimeProvider.System, TextWriter.Null, interactive: false);
}
