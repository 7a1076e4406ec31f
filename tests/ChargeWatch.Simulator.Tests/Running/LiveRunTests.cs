using System.Text;
using System.Text.Json;
using ChargeWatch.Core.Contract;
using ChargeWatch.Simulator.Mqtt;
using ChargeWatch.Simulator.Running;
using ChargeWatch.Simulator.Simulation;
using ChargeWatch.Testing;

namespace ChargeWatch.Simulator.Tests.Running;

/// <summary>The closed loop through a real Mosquitto: a cut command on the cmd topic turns the port off.</summary>
public sealed class LiveRunTests : IAsyncLifetime
{
    private MosquittoProcess? _broker;

    public async ValueTask InitializeAsync() => _broker = await MosquittoProcess.StartNewAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_broker is not null)
        {
            await _broker.DisposeAsync();
        }
    }

    [Fact]
    public async Task RunAsync_CutThenRestoreCommand_PortReportsOffWithZeroAmpsThenChargesAgain()
    {
        var ct = TestContext.Current.CancellationToken;
        var broker = new BrokerAddress(_broker!.Host, _broker.Port);
        // Port 3 draws 3 A all along; 1 simulated hour at 120× takes 30 s of wall time at most, we stop far sooner.
        var scenario = TestScenarios.Small(duration: "1h", events: """[{ type: overcurrent, at: "20:00", duration: 60m, device: shed-a-c01, port: 3, amps: 3 }]""");
        var states = new List<(string State, double Amps)>();
        await using var watcher = await MqttLink.ConnectAsync(broker, "watcher", cancellationToken: ct);
        watcher.Received += (_, payload, _) =>
        {
            using var doc = JsonDocument.Parse(payload);
            var port = doc.RootElement.GetProperty("ports").EnumerateArray().Single(p => p.GetProperty("port").GetInt32() == 3);
            lock (states)
            {
                states.Add((port.GetProperty("state").GetString()!, port.GetProperty("a").GetDouble()));
            }
        };
        await watcher.SubscribeAsync(Topics.Telemetry(new DeviceKey("test-1", DeviceKind.Charger, "shed-a-c01")), ct);
        await using var simulator = await MqttLink.ConnectAsync(broker, "simulator", cancellationToken: ct);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var run = LiveRun.RunAsync(new ScenarioEngine(scenario), simulator, null, new Pacer(120, TimeProvider.System),
            new ProgressReporter(TimeProvider.System, TextWriter.Null, false), stop.Token);
        await using var worker = await MqttLink.ConnectAsync(broker, "worker", cancellationToken: ct);

        await Eventually.UntilAsync(() => Task.FromResult(Count("charging", 2.5)), n => n >= 2, TimeSpan.FromSeconds(15), "charging readings", cancellationToken: ct);
        await worker.PublishAsync("chargewatch/test-1/charger/shed-a-c01/cmd", Encoding.UTF8.GetBytes("""{"cmd":"cut","port":3,"reason":"overcurrent","alert":"x"}"""), cancellationToken: ct);
        await worker.FlushAsync();
        await Eventually.UntilAsync(() => Task.FromResult(Count("off", 0)), n => n >= 2, TimeSpan.FromSeconds(15), "off readings", cancellationToken: ct);
        var chargingBeforeRestore = Count("charging", 2.5);
        await worker.PublishAsync("chargewatch/test-1/charger/shed-a-c01/cmd", Encoding.UTF8.GetBytes("""{"cmd":"restore","port":3}"""), cancellationToken: ct);
        await worker.FlushAsync();
        await Eventually.UntilAsync(() => Task.FromResult(Count("charging", 2.5)), n => n > chargingBeforeRestore, TimeSpan.FromSeconds(15), "charging again", cancellationToken: ct);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);

        lock (states)
        {
            Assert.All(states.Where(s => s.State == "off"), s => Assert.Equal(0, s.Amps));
        }

        int Count(string state, double minAmps)
        {
            lock (states)
            {
                return states.Count(s => s.State == state && s.Amps >= minAmps);
            }
        }
    }
}
