using System.Text;
using System.Text.Json;
using ChargeWatch.Core.Alerts;
using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Detection;
using ChargeWatch.Core.Parsing;
using ChargeWatch.Core.Payloads;
using ChargeWatch.Core.Readings;
using ChargeWatch.Core.Sites;
using ChargeWatch.Simulator.Physics.Circuits;
using ChargeWatch.Simulator.Scenarios;
using ChargeWatch.Simulator.Simulation;
using ChargeWatch.Testing;

namespace ChargeWatch.Flywire.Tests.EndToEnd;

/// <summary>
/// Fly-wire alerts through the real broker and the real worker (a child process): simulated
/// telemetry is published at full speed with its event times, and the contract §6 alert must
/// arrive on <c>chargewatch/{site}/alerts/{rule}</c> exactly as the in-process engine raises it
/// from the same messages.
/// </summary>
[Collection(EndToEndFlywireCollection.Name)]
public sealed class EndToEndFlywireTests(EndToEndFlywireServices services)
{
    private static readonly TimeSpan AlertTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task HouseholdCharge_Published_FlywireHouseholdAlertOnMqtt()
    {
        var ct = TestContext.Current.CancellationToken;
        const string site = "e2e-household";
        var meter = new DeviceKey(site, DeviceKind.Meter, "b6-602");
        // The first simulated household night (pf reported) in which the rule fires in process.
        var (messages, expected) = Enumerable.Range(1, 40)
            .Select(seed => HouseholdNight(meter, seed))
            .Select(m => (Messages: m, Expected: InProcess(m, "flywire.household")))
            .First(x => x.Expected.Count > 0);

        var received = await PublishAndWaitAsync(site, "flywire.household", messages, expected.Count, ct);

        Assert.Equal(expected, received.Select(r => Normalize(r.Payload)));
        using var first = JsonDocument.Parse(received[0].Payload);
        Assert.Equal("firing", first.RootElement.GetProperty("status").GetString());
        Assert.Equal("warning", first.RootElement.GetProperty("severity").GetString());
        Assert.Equal($"flywire.household|{site}|meter|b6-602", first.RootElement.GetProperty("id").GetString());
        Assert.Equal("meter", first.RootElement.GetProperty("kind").GetString());
        Assert.False(first.RootElement.TryGetProperty("port", out _));
        Assert.Equal(JsonValueKind.Null, first.RootElement.GetProperty("endsAt").ValueKind);
    }

    /// <summary>
    /// A worker restarted while a charge is under way, before the rule fired: the new worker replays
    /// the meter's readings from InfluxDB (the warm start) and raises exactly what one uninterrupted
    /// engine raises; an engine that saw only the readings after the restart does not.
    /// </summary>
    [Fact]
    public async Task HouseholdCharge_WorkerRestartedMidCharge_WarmStartRaisesWhatAnUninterruptedEngineRaises()
    {
        var ct = TestContext.Current.CancellationToken;
        const string site = "e2e-warm-start";
        const string database = "flywire_warm_start";
        var meter = new DeviceKey(site, DeviceKind.Meter, "b6-602");
        var (night, expected) = Enumerable.Range(1, 40)
            .Select(seed => HouseholdNightAt(meter, seed))
            .Select(n => (Night: n, Expected: InProcess([.. n.Select(m => m.Message)], "flywire.household")))
            .First(x => x.Expected.Count > 0);
        using var firing = JsonDocument.Parse(expected[0]);
        var restartAt = DateTimeOffset.Parse(firing.RootElement.GetProperty("startsAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture)
            .AddMinutes(-15);
        var before = night.Where(m => m.At < restartAt).Select(m => m.Message).ToList();
        var after = night.Where(m => m.At >= restartAt).Select(m => m.Message).ToList();
        Assert.NotEqual(expected, InProcess(after, "flywire.household"));

        await using (var first = await services.StartWorkerAsync(database, ct))
        {
            await PublishAsync(before, ct);
            await Eventually.UntilAsync(() => services.Influx.Client.CountPointsAsync(database, "meter", site, ct),
                count => count == before.Count, TimeSpan.FromSeconds(60), "the readings before the restart stored", cancellationToken: ct);
            Assert.Equal(0, await first.StopAsync(ct));
        }
        await using var watcher = await MqttTestClient.ConnectAsync(services.Broker, cancellationToken: ct);
        await watcher.SubscribeAsync($"chargewatch/{site}/alerts/#", ct);
        await using var second = await services.StartWorkerAsync(database, ct);
        await PublishAsync(after, ct);
        var received = await watcher.WaitForMessagesAsync(m => m.Topic == $"chargewatch/{site}/alerts/flywire.household", expected.Count, AlertTimeout, ct);

        Assert.Equal(expected, received.Select(r => Normalize(r.Payload)));
    }

    [Fact]
    public async Task FeederTap_ScenarioPublished_FlywireTapFiresAndResolvesOnMqtt()
    {
        var ct = TestContext.Current.CancellationToken;
        var (scenario, errors) = ScenarioLoader.Load(ScenarioLoader.Resolve("rule-flywire-tap"));
        Assert.True(scenario is not null, string.Join("; ", errors));
        var site = scenario.Site;
        var messages = new ScenarioEngine(scenario).Messages().Select(m => (m.Topic, m.Payload, m.Retain)).ToList();
        var expected = InProcess(messages, "flywire.tap");
        Assert.Equal(2, expected.Count); // the scenario's 60-min tap: one firing, one resolved

        var received = await PublishAndWaitAsync(site, "flywire.tap", messages, expected.Count, ct);

        Assert.Equal(expected, received.Select(r => Normalize(r.Payload)));
        using var fired = JsonDocument.Parse(received[0].Payload);
        var root = fired.RootElement;
        Assert.Equal("firing", root.GetProperty("status").GetString());
        Assert.Equal("feeder", root.GetProperty("kind").GetString());
        Assert.Equal("shed-a-feeder", root.GetProperty("device").GetString());
        Assert.Equal(100, root.GetProperty("threshold").GetDouble());
        // The scenario's tap starts at 20:00 and must be caught between 20:05 and 20:15.
        var startsAt = DateTimeOffset.Parse(root.GetProperty("startsAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(startsAt.TimeOfDay, new TimeSpan(20, 5, 0), new TimeSpan(20, 15, 0));
        using var resolved = JsonDocument.Parse(received[1].Payload);
        Assert.Equal("resolved", resolved.RootElement.GetProperty("status").GetString());
    }

    private async Task<IReadOnlyList<ReceivedMessage>> PublishAndWaitAsync(
        string site, string rule, List<(string Topic, byte[] Payload, bool Retain)> messages, int count, CancellationToken ct)
    {
        await using var worker = await services.StartWorkerAsync("flywire_" + rule.Replace('.', '_'), ct);
        await using var watcher = await MqttTestClient.ConnectAsync(services.Broker, cancellationToken: ct);
        await watcher.SubscribeAsync($"chargewatch/{site}/alerts/#", ct);
        await using var device = await MqttTestClient.ConnectAsync(services.Broker, cancellationToken: ct);
        foreach (var (topic, payload, retain) in messages)
        {
            await device.PublishAsync(topic, payload, retain, ct);
        }
        var alerts = await watcher.WaitForMessagesAsync(m => m.Topic == $"chargewatch/{site}/alerts/{rule}", count, AlertTimeout, ct);
        Assert.All(alerts, a => Assert.False(a.Retain));
        return alerts;
    }

    private async Task PublishAsync(List<(string Topic, byte[] Payload, bool Retain)> messages, CancellationToken ct)
    {
        await using var device = await MqttTestClient.ConnectAsync(services.Broker, cancellationToken: ct);
        foreach (var (topic, payload, retain) in messages)
        {
            await device.PublishAsync(topic, payload, retain, ct);
        }
    }

    private static List<(string Topic, byte[] Payload, bool Retain)> HouseholdNight(DeviceKey meter, int seed) =>
        [.. HouseholdNightAt(meter, seed).Select(m => m.Message)];

    private static List<(DateTimeOffset At, (string Topic, byte[] Payload, bool Retain) Message)> HouseholdNightAt(DeviceKey meter, int seed)
    {
        var night = HouseholdModel.Create(seed, new HouseholdOptions
        {
            EbikeCharge = true,
            Meter = new MeterOptions { ReportsPowerFactor = true, Interval = TimeSpan.FromSeconds(60) },
        });
        var topic = Topics.Telemetry(meter);
        long seq = 0;
        return [.. night.Samples().Select(s => (s.Timestamp, (topic, TelemetryJson.ToUtf8(s.ToReading(meter, ++seq, MeterRole.Household, "6", "6-602")), false)))];
    }

    /// <summary>The rule's alert messages when the same payloads run through one in-process engine.</summary>
    private static List<string> InProcess(List<(string Topic, byte[] Payload, bool Retain)> messages, string rule)
    {
        var topics = new TopicParser();
        var parser = new TelemetryParser();
        var engine = new DetectionEngine(SiteDirectory.Defaults);
        var changes = new List<AlertMessage>();
        foreach (var (topic, payload, _) in messages)
        {
            if (topics.TryParse(topic, out var address) && address.Channel == Channel.Telemetry
                && parser.TryParse(address, payload.AsSpan(), out Reading? reading, out _))
            {
                engine.OnReading(reading, changes);
            }
        }
        return [.. changes.Where(c => c.Rule == rule).Select(c => Normalize(Encoding.UTF8.GetString(AlertJson.ToUtf8(c))))];
    }

    private static string Normalize(string json)
    {
        using var document = JsonDocument.Parse(json);
        return JsonSerializer.Serialize(document.RootElement);
    }
}
