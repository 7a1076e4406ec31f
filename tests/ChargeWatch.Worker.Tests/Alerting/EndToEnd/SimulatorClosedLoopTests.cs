using ChargeWatch.Simulator.Mqtt;
using ChargeWatch.Simulator.Running;
using ChargeWatch.Simulator.Scenarios;
using ChargeWatch.Simulator.Simulation;
using ChargeWatch.Testing;
using ChargeWatch.Worker.Tests.EndToEnd;
using System.Text.Json;

namespace ChargeWatch.Worker.Tests.Alerting.EndToEnd;

/// <summary>
/// The closed loop with the real simulator: its scenario overloads port 3 for eight minutes, the
/// worker cuts the port, the simulated pile switches it off, and the alert resolves long before
/// the overload would have ended by itself.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class SimulatorClosedLoopTests(EndToEndServices services)
{
    private static readonly DateTimeOffset OverloadEnds = new(2026, 7, 8, 20, 8, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task Scenario_OvercurrentWithCutoff_PortOffAndAlertResolvesEarly()
    {
        var ct = TestContext.Current.CancellationToken;
        var site = "loop-" + Guid.NewGuid().ToString("N")[..8];
        var database = InfluxApi.Database("loop", InfluxApi.V1);
        var settings = WorkerProcess.SettingsFor(services.Broker, await services.PrepareDatabaseAsync(InfluxApi.V1, database), InfluxApi.V1, database);
        settings[$"Sites:{site}:Cutoff:Enabled"] = "true";
        await using var worker = new WorkerProcess(settings);
        await worker.StartAsync(ct);
        await using var watcher = await MqttTestClient.ConnectAsync(services.Broker, cancellationToken: ct);
        await watcher.SubscribeAsync($"chargewatch/{site}/alerts/overcurrent", ct);
        await watcher.SubscribeAsync($"chargewatch/{site}/charger/shed-a-c01/#", ct);
        var (scenario, errors) = ScenarioLoader.Parse($$"""
            name: cutoff-loop
            site: {{site}}
            start: 2026-07-08T19:58
            duration: 12m
            seed: 5
            sheds:
              - { id: shed-a, piles: 1, ports: 10, interval: 10s, occupancy: 0.7, feederInterval: 10s, sensors: 1, sensorInterval: 30s }
            events:
              - { type: overcurrent, at: "20:00", duration: 8m, device: shed-a-c01, port: 3, amps: 10 }
            expect: []
            """, "cutoff-loop.yaml");
        Assert.True(scenario is not null, string.Join("\n", errors));
        await using var link = await MqttLink.ConnectAsync(new BrokerAddress(services.Broker.Host, services.Broker.Port), "sim-" + site, cancellationToken: ct);

        // 60x: twelve simulated minutes in twelve seconds, ample time for each command to arrive.
        await LiveRun.RunAsync(new ScenarioEngine(scenario), link, null, new Pacer(60, TimeProvider.System),
            new ProgressReporter(TimeProvider.System, TextWriter.Null, false), ct);

        var cut = JsonDocument.Parse(Assert.Single(watcher.Messages, m => m.Topic.EndsWith("/cmd", StringComparison.Ordinal)).Payload).RootElement;
        Assert.Equal(("cut", 3), (cut.GetProperty("cmd").GetString(), cut.GetProperty("port").GetInt32()));
        var port3 = watcher.Messages.Where(m => m.Topic.EndsWith("/telemetry", StringComparison.Ordinal))
            .Select(m => JsonDocument.Parse(m.Payload).RootElement.GetProperty("ports").EnumerateArray().Single(p => p.GetProperty("port").GetInt32() == 3))
            .ToList();
        Assert.Contains(port3, p => p.GetProperty("state").GetString() == "off" && p.GetProperty("a").GetDouble() == 0);

        var resolved = await watcher.WaitForMessageAsync(m => m.Topic.Contains("/alerts/", StringComparison.Ordinal) && Alert(m).GetProperty("status").GetString() == "resolved",
            TimeSpan.FromSeconds(20), ct);
        var endsAt = DateTimeOffset.Parse(Alert(resolved).GetProperty("endsAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(endsAt < OverloadEnds.AddMinutes(-4), $"resolved at {endsAt:O}: the cut should have ended the overload early");
        Assert.Single(watcher.Messages, m => m.Topic.Contains("/alerts/", StringComparison.Ordinal) && Alert(m).GetProperty("status").GetString() == "firing");
    }

    private static JsonElement Alert(ReceivedMessage message) => JsonDocument.Parse(message.Payload).RootElement;
}
