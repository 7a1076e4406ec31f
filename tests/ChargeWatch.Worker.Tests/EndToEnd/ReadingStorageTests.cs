using ChargeWatch.Testing;

namespace ChargeWatch.Worker.Tests.EndToEnd;

/// <summary>Readings of every kind, through the real broker and worker into InfluxDB (contract §2, §7).</summary>
[Collection(EndToEndCollection.Name)]
public sealed class ReadingStorageTests(EndToEndServices services)
{
    private const string ChargerTs = "2026-07-08T21:30:00.000+08:00";
    private const long FeederTsMs = 1783517410000;
    private const string MeterTs = "2026-07-08T13:30:20.000+00:00";
    private const string CorridorTs = "2026-07-08T21:30:25.500+08:00";
    private const string SensorTs = "2026-07-08T21:30:30.000+08:00";

    private static readonly TimeSpan StoreTimeout = TimeSpan.FromSeconds(30);

    [Theory]
    [MemberData(nameof(InfluxApi.Both), MemberType = typeof(InfluxApi))]
    public async Task ReadingsOfEveryKind_Published_StoredWithMeasurementTagsFieldsAndTimestamp(string api)
    {
        var site = $"e2e-store-{api}";
        var database = InfluxApi.Database("store", api);
        await using var worker = await services.StartWorkerAsync(api, database);
        await using var device = await MqttTestClient.ConnectAsync(services.Broker, cancellationToken: TestContext.Current.CancellationToken);

        await device.PublishAsync(ContractPayloads.Topic(site, "charger", "shed-a-c01"), ContractPayloads.ChargerExample, cancellationToken: TestContext.Current.CancellationToken);
        await device.PublishAsync(ContractPayloads.Topic(site, "feeder", "shed-a-feeder"),
            $$"""{"ts":{{FeederTsMs}},"seq":7,"shed":"shed-a","v":230.1,"a":12.4,"w":2710.0,"wh":81234.0,"leakMa":3.5}""", cancellationToken: TestContext.Current.CancellationToken);
        await device.PublishAsync(ContractPayloads.Topic(site, "meter", "m-6-602"),
            $$"""{"ts":"{{MeterTs}}","seq":3,"w":412.0,"v":229.8,"a":2.61,"pf":0.62,"wh":5123.0,"role":"household","building":"6","unit":"6-602"}""", cancellationToken: TestContext.Current.CancellationToken);
        await device.PublishAsync(ContractPayloads.Topic(site, "meter", "m-6-corridor"),
            $$"""{"ts":"{{CorridorTs}}","w":35.0,"role":"corridor","building":"6"}""", cancellationToken: TestContext.Current.CancellationToken);
        await device.PublishAsync(ContractPayloads.Topic(site, "sensor", "shed-a-smoke"),
            $$"""{"ts":"{{SensorTs}}","seq":9,"shed":"shed-a","tempC":41.5,"smoke":true}""", cancellationToken: TestContext.Current.CancellationToken);

        var influx = services.Influx.Client;
        await WaitForPointsAsync(influx, database, site, worker, ("port", 2), ("charger", 1), ("feeder", 1), ("meter", 2), ("sensor", 1));

        var ports = await RowsAsync(influx, database, "port", site);
        Assert.Equal(2, ports.Count);
        var port1 = ports.Single(r => r.Text("port") == "1");
        AssertTags(port1, ("site", site), ("charger", "shed-a-c01"), ("shed", "shed-a"));
        Assert.Equal(Ms(ChargerTs), port1.TimeMs);
        AssertNumbers(port1, ("v", 221.3), ("a", 1.12), ("w", 231.5), ("wh", 512.0), ("tempC", 31.5));
        Assert.Equal("charging", port1.Text("state"));
        var port2 = ports.Single(r => r.Text("port") == "2");
        AssertNumbers(port2, ("v", 221.3), ("a", 0.0), ("w", 0.0), ("wh", 10.2));
        Assert.False(port2.Has("tempC"), "a port without tempC must not get one");
        Assert.Equal("idle", port2.Text("state"));

        var charger = Assert.Single(await RowsAsync(influx, database, "charger", site));
        AssertTags(charger, ("site", site), ("charger", "shed-a-c01"), ("shed", "shed-a"));
        Assert.Equal(Ms(ChargerTs), charger.TimeMs);
        AssertNumbers(charger, ("tempC", 35.0), ("w", 231.5), ("a", 1.12));

        var feeder = Assert.Single(await RowsAsync(influx, database, "feeder", site));
        AssertTags(feeder, ("site", site), ("feeder", "shed-a-feeder"), ("shed", "shed-a"));
        Assert.Equal(FeederTsMs, feeder.TimeMs);
        AssertNumbers(feeder, ("v", 230.1), ("a", 12.4), ("w", 2710.0), ("wh", 81234.0), ("leakMa", 3.5));

        var meters = await RowsAsync(influx, database, "meter", site);
        var household = meters.Single(r => r.Text("meter") == "m-6-602");
        AssertTags(household, ("site", site), ("role", "household"), ("building", "6"), ("unit", "6-602"));
        Assert.Equal(Ms(MeterTs), household.TimeMs);
        AssertNumbers(household, ("w", 412.0), ("v", 229.8), ("a", 2.61), ("pf", 0.62), ("wh", 5123.0));
        var corridor = meters.Single(r => r.Text("meter") == "m-6-corridor");
        AssertTags(corridor, ("site", site), ("role", "corridor"), ("building", "6"));
        Assert.Equal(Ms(CorridorTs), corridor.TimeMs);
        AssertNumbers(corridor, ("w", 35.0));
        Assert.False(corridor.Has("pf") || corridor.Has("v") || corridor.Has("unit"), "absent values must stay absent");

        var sensor = Assert.Single(await RowsAsync(influx, database, "sensor", site));
        AssertTags(sensor, ("site", site), ("sensor", "shed-a-smoke"), ("shed", "shed-a"));
        Assert.Equal(Ms(SensorTs), sensor.TimeMs);
        AssertNumbers(sensor, ("tempC", 41.5));
        Assert.True(sensor.Flag("smoke"));
    }

    [Theory]
    [MemberData(nameof(InfluxApi.Both), MemberType = typeof(InfluxApi))]
    public async Task RedeliveredReadings_PublishedAgain_StoredOnceAndCountedAsDuplicates(string api)
    {
        var site = $"e2e-dup-{api}";
        var database = InfluxApi.Database("dup", api);
        await using var worker = await services.StartWorkerAsync(api, database);
        await using var device = await MqttTestClient.ConnectAsync(services.Broker, cancellationToken: TestContext.Current.CancellationToken);
        var chargerTopic = ContractPayloads.Topic(site, "charger", "shed-a-c01");
        var sensorTopic = ContractPayloads.Topic(site, "sensor", "shed-a-smoke");
        var sensorReading = ContractPayloads.Sensor(DateTimeOffset.Parse(SensorTs, System.Globalization.CultureInfo.InvariantCulture), 9, 30.0, false, "shed-a");

        for (var i = 0; i < 3; i++)
        {
            await device.PublishAsync(chargerTopic, ContractPayloads.ChargerExample, cancellationToken: TestContext.Current.CancellationToken);
        }
        await device.PublishAsync(sensorTopic, sensorReading, cancellationToken: TestContext.Current.CancellationToken);
        await device.PublishAsync(sensorTopic, sensorReading, cancellationToken: TestContext.Current.CancellationToken);
        // A later reading of the same sensor: once it is stored, the duplicates before it were seen.
        await device.PublishAsync(sensorTopic, ContractPayloads.Sensor(DateTimeOffset.Parse(SensorTs, System.Globalization.CultureInfo.InvariantCulture).AddSeconds(10), 10, 30.5, false, "shed-a"), cancellationToken: TestContext.Current.CancellationToken);

        var influx = services.Influx.Client;
        await WaitForPointsAsync(influx, database, site, worker, ("sensor", 2), ("charger", 1), ("port", 2));
        var counters = await WaitForCounterAsync(influx, database, worker, "duplicates", 3);

        Assert.Equal(1, await influx.CountPointsAsync(database, "charger", site, TestContext.Current.CancellationToken));
        Assert.Equal(2, await influx.CountPointsAsync(database, "port", site, TestContext.Current.CancellationToken));
        Assert.Equal(2, await influx.CountPointsAsync(database, "sensor", site, TestContext.Current.CancellationToken));
        Assert.Equal(3, counters["duplicates"]);
    }

    internal static async Task WaitForPointsAsync(
        InfluxQueryClient influx, string database, string site, WorkerProcess worker, params (string Measurement, long Count)[] expected)
    {
        try
        {
            await Eventually.UntilAsync(
                async () =>
                {
                    var counts = new List<string>();
                    var done = true;
                    foreach (var (measurement, count) in expected)
                    {
                        var stored = await influx.CountPointsAsync(database, measurement, site);
                        done &= stored >= count;
                        counts.Add($"{measurement}={stored}/{count}");
                    }
                    return (done, string.Join(", ", counts));
                },
                result => result.done, StoreTimeout, "expected points stored");
        }
        catch (TimeoutException e)
        {
            Assert.Fail($"{e.Message}\n{worker.LogTail(60)}");
        }
    }

    internal static async Task<IReadOnlyDictionary<string, double>> WaitForCounterAsync(
        InfluxQueryClient influx, string database, WorkerProcess worker, string counter, double atLeast)
    {
        try
        {
            return await Eventually.UntilAsync(
                () => influx.LastCountersAsync(database, worker.ClientId),
                counters => counters.TryGetValue(counter, out var value) && value >= atLeast,
                StoreTimeout, $"counter {counter} ≥ {atLeast} in measurement chargewatch");
        }
        catch (TimeoutException e)
        {
            Assert.Fail($"{e.Message}\n{worker.LogTail(60)}");
            throw;
        }
    }

    private static async Task<IReadOnlyList<InfluxRow>> RowsAsync(InfluxQueryClient influx, string database, string measurement, string site) =>
        [.. (await influx.QueryAsync(database, $"SELECT * FROM \"{measurement}\" WHERE \"site\" = '{site}'")).SelectMany(s => s.Rows)];

    private static long Ms(string rfc3339) =>
        DateTimeOffset.Parse(rfc3339, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();

    private static void AssertTags(InfluxRow row, params (string Tag, string Value)[] tags)
    {
        foreach (var (tag, value) in tags)
        {
            Assert.True(row.Text(tag) == value, $"tag {tag}: expected '{value}', stored '{row.Text(tag)}'");
        }
    }

    private static void AssertNumbers(InfluxRow row, params (string Field, double Value)[] fields)
    {
        foreach (var (field, value) in fields)
        {
            var stored = row.Number(field);
            Assert.True(stored is { } v && Math.Abs(v - value) < 1e-9, $"field {field}: expected {value}, stored {stored?.ToString() ?? "nothing"}");
        }
    }
}
