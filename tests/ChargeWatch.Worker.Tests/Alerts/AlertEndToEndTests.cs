using System.Runtime.CompilerServices;
using System.Text.Json;
using ChargeWatch.Testing;
using ChargeWatch.Worker.Tests.EndToEnd;

namespace ChargeWatch.Worker.Tests.Alerts;

/// <summary>
/// Alerts through the real broker, worker and InfluxDB: a golden scenario published as devices
/// would publish it gives the contract §6 messages on the alert topic and <c>alert</c> points; a
/// worker restarted while an alert is active neither fires it again nor forgets to resolve it.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class AlertEndToEndTests(EndToEndServices services)
{
    private static readonly TimeSpan AlertTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Both write paths as fast as possible, and v1 paced like live devices: the same alerts.</summary>
    public static TheoryData<string, int> Deliveries => new() { { InfluxApi.V1, 0 }, { InfluxApi.V2, 0 }, { InfluxApi.V1, 40 } };

    [Theory]
    [MemberData(nameof(Deliveries))]
    public async Task GoldenScenario_Published_ContractAlertMessagesOnMqttAndAlertPoints(string api, int pauseMs)
    {
        var ct = TestContext.Current.CancellationToken;
        var site = $"e2e-alerts-{api}-{pauseMs}";
        var database = InfluxApi.Database("alerts", api);
        var (input, expected) = Scenario("overcurrent-port-2x", site);
        await using var worker = await services.StartWorkerAsync(api, database);
        await using var watcher = await MqttTestClient.ConnectAsync(services.Broker, cancellationToken: ct);
        await watcher.SubscribeAsync($"chargewatch/{site}/alerts/#", ct);
        await using var device = await MqttTestClient.ConnectAsync(services.Broker, cancellationToken: ct);

        foreach (var (topic, payload) in input)
        {
            await device.PublishAsync(topic, payload, cancellationToken: ct);
            if (pauseMs > 0)
            {
                await Task.Delay(pauseMs, ct);
            }
        }

        var alerts = await watcher.WaitForMessagesAsync(m => m.Topic.Contains("/alerts/", StringComparison.Ordinal), expected.Count, AlertTimeout, ct);
        Assert.Equal(expected, alerts.Select(a => Normalize(a.Payload)));
        Assert.All(alerts, a => Assert.Equal($"chargewatch/{site}/alerts/overcurrent", a.Topic));
        Assert.All(alerts, a => Assert.False(a.Retain));
        var points = await Eventually.UntilAsync(
            () => services.Influx.QueryAsync(database, $"SELECT status, summary, value, threshold, id, port FROM alert WHERE site = '{site}'", ct),
            series => series.Sum(s => s.Rows.Count) >= expected.Count, AlertTimeout, "alert points stored", cancellationToken: ct);
        var rows = points.SelectMany(s => s.Rows).ToList();
        Assert.Equal(["firing", "resolved"], rows.Select(r => r.Text("status")));
        Assert.All(rows, r => Assert.Equal($"overcurrent|{site}|charger|shed-a-c01|3", r.Text("id")));
    }

    [Fact]
    public async Task WorkerRestarted_WhileAlertActive_NoSecondFiringAndTheResolveArrives()
    {
        var ct = TestContext.Current.CancellationToken;
        var site = "e2e-alert-restart";
        var database = InfluxApi.Database("alertrestart", InfluxApi.V1);
        await using var worker = await services.StartWorkerAsync(InfluxApi.V1, database);
        await using var watcher = await MqttTestClient.ConnectAsync(services.Broker, cancellationToken: ct);
        await watcher.SubscribeAsync($"chargewatch/{site}/alerts/#", ct);
        await using var device = await MqttTestClient.ConnectAsync(services.Broker, cancellationToken: ct);
        var topic = ContractPayloads.Topic(site, "sensor", "shed-a-s1");
        var t0 = new DateTimeOffset(2026, 7, 8, 21, 30, 0, TimeSpan.FromHours(8));
        async Task PublishAsync(int fromSeconds, int toSeconds, double tempC)
        {
            for (var s = fromSeconds; s <= toSeconds; s += 10)
            {
                await device.PublishAsync(topic, ContractPayloads.Sensor(t0.AddSeconds(s), s, tempC, false, "shed-a"), cancellationToken: ct);
            }
        }

        await PublishAsync(0, 30, 66.0);
        await watcher.WaitForMessageAsync(m => m.Payload.Contains("\"firing\"", StringComparison.Ordinal), AlertTimeout, ct);
        Assert.Equal(0, await worker.StopAsync(ct));
        await worker.StartAsync(ct);
        await PublishAsync(40, 100, 66.0);
        await PublishAsync(110, 180, 40.0);

        var resolved = await watcher.WaitForMessageAsync(m => m.Payload.Contains("\"resolved\"", StringComparison.Ordinal), AlertTimeout, ct);
        var all = watcher.Messages.Where(m => m.Topic == $"chargewatch/{site}/alerts/thermal.high").ToList();
        Assert.Equal(1, all.Count(m => m.Payload.Contains("\"firing\"", StringComparison.Ordinal)));
        Assert.Equal(1, all.Count(m => m.Payload.Contains("\"resolved\"", StringComparison.Ordinal)));
        using var json = JsonDocument.Parse(resolved.Payload);
        Assert.Equal("2026-07-08T21:30:00.000+08:00", json.RootElement.GetProperty("startsAt").GetString());
        Assert.Equal("2026-07-08T21:32:50.000+08:00", json.RootElement.GetProperty("endsAt").GetString());
    }

    [Fact]
    public async Task ShortCircuitReading_Published_AlertOnMqttWithin100MillisecondsMedian()
    {
        var ct = TestContext.Current.CancellationToken;
        var site = "e2e-alert-latency";
        var database = InfluxApi.Database("alertlatency", InfluxApi.V1);
        await using var worker = await services.StartWorkerAsync(InfluxApi.V1, database);
        await using var watcher = await MqttTestClient.ConnectAsync(services.Broker, cancellationToken: ct);
        await watcher.SubscribeAsync($"chargewatch/{site}/alerts/#", ct);
        await using var device = await MqttTestClient.ConnectAsync(services.Broker, cancellationToken: ct);
        var t0 = new DateTimeOffset(2026, 7, 8, 21, 30, 0, TimeSpan.FromHours(8));
        var latencies = new List<double>();

        // Each round a fresh port of the pile short-circuits: one firing per round.
        for (var port = 1; port <= 20; port++)
        {
            var payload = ContractPayloads.Charger(t0.AddSeconds(port), port, [new ContractPayloads.Port(port, "charging", A: 25.0)], "shed-a");
            var sent = DateTimeOffset.UtcNow;
            await device.PublishAsync(ContractPayloads.Topic(site, "charger", "shed-a-c01"), payload, cancellationToken: ct);
            var alert = await watcher.WaitForMessageAsync(m => m.Payload.Contains($"overcurrent.instant|{site}|charger|shed-a-c01|{port}\"", StringComparison.Ordinal), AlertTimeout, ct);
            latencies.Add((alert.ReceivedAt - sent).TotalMilliseconds);
        }

        latencies.Sort();
        TestContext.Current.TestOutputHelper?.WriteLine($"publish→alert latency ms: median {latencies[10]:F1}, max {latencies[^1]:F1}");
        Assert.InRange(latencies[10], 0, 100);
    }

    private static (List<(string Topic, string Payload)> Input, List<string> Expected) Scenario(string name, string site)
    {
        var folder = Path.Combine(ScenarioFolder(), name);
        var input = File.ReadAllLines(Path.Combine(folder, "input.jsonl"))
            .Where(l => !string.IsNullOrWhiteSpace(l) && !l.StartsWith("//", StringComparison.Ordinal))
            .Select(l =>
            {
                using var json = JsonDocument.Parse(l);
                var topic = json.RootElement.GetProperty("topic").GetString()!.Replace("/dongyuan-1/", $"/{site}/", StringComparison.Ordinal);
                var payload = json.RootElement.GetProperty("payload");
                return (topic, payload.ValueKind == JsonValueKind.String ? payload.GetString()! : payload.GetRawText());
            })
            .ToList();
        var expected = File.ReadAllLines(Path.Combine(folder, "expected.jsonl"))
            .Where(l => !string.IsNullOrWhiteSpace(l))
            .Select(l => Normalize(l.Replace("dongyuan-1", site, StringComparison.Ordinal)))
            .ToList();
        return (input, expected);
    }

    private static string Normalize(string json)
    {
        using var document = JsonDocument.Parse(json);
        return JsonSerializer.Serialize(document.RootElement);
    }

    private static string ScenarioFolder([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", "ChargeWatch.Core.Tests", "Scenarios"));
}
