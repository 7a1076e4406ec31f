using ChargeWatch.Core.Parsing;
using ChargeWatch.Testing;

namespace ChargeWatch.Worker.Tests.EndToEnd;

/// <summary>Bad input among good input: every valid reading stored, every reject counted by reason, the worker alive.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class MalformedInputTests(EndToEndServices services)
{
    [Theory]
    [MemberData(nameof(InfluxApi.Both), MemberType = typeof(InfluxApi))]
    public async Task MalformedMessages_InterleavedWithValidOnes_ValidStoredRejectsCountedWorkerAlive(string api)
    {
        var site = $"e2e-bad-{api}";
        var database = InfluxApi.Database("bad", api);
        await using var worker = await services.StartWorkerAsync(api, database);
        await using var device = await MqttTestClient.ConnectAsync(services.Broker, cancellationToken: TestContext.Current.CancellationToken);
        string Topic(string kind, string id, string channel = "telemetry") => ContractPayloads.Topic(site, kind, id, channel);
        var ts = new DateTimeOffset(2026, 7, 8, 21, 30, 0, TimeSpan.FromHours(8));
        var tsText = ContractPayloads.Rfc3339(ts);

        (string Topic, string Payload, RejectReason Expected)[] messages =
        [
            (Topic("sensor", "s1"), ContractPayloads.Sensor(ts, 1, tempC: 25, smoke: false), RejectReason.None),
            (Topic("feeder", "f1"), """{"ts":1783517400000,"a":""", RejectReason.InvalidJson),
            (Topic("feeder", "f1"), ContractPayloads.Feeder(ts, 1, a: 12.4, v: 230.1), RejectReason.None),
            (Topic("charger", "c1"), $$"""{"ts":"{{tsText}}","ports":[{"port":1,"a":-3.0}]}""", RejectReason.OutOfRange),
            (Topic("meter", "m1"), ContractPayloads.Meter(ts, 1, w: 412), RejectReason.None),
            (Topic("meter", "m1"), $$"""{"ts":"{{tsText}}","v":229.8}""", RejectReason.MissingField),
            (Topic("charger", "c1"), ContractPayloads.ChargerExample, RejectReason.None),
            (Topic("feeder", "f1"), $$"""{"ts":"{{tsText}}","a":"12.4"}""", RejectReason.WrongType),
            (Topic("sensor", "s1"), """{"ts":"yesterday","tempC":20}""", RejectReason.InvalidTimestamp),
            (Topic("sensor", "s1"), "[1,2,3]", RejectReason.NotAnObject),
            (Topic("toaster", "t1"), "{}", RejectReason.Unroutable),
            (Topic("sensor", "s1", "status"), "maybe", RejectReason.InvalidStatus),
            (Topic("feeder", "f1"), $$"""{"ts":"{{tsText}}","a":1.0,"pad":"{{new string('x', 70 * 1024)}}"}""", RejectReason.TooLarge),
            (Topic("charger", "c1"), $$"""{"ts":"{{tsText}}","ports":[{"port":1,"a":1.0,"state":"exploding"}]}""", RejectReason.InvalidValue),
            // The last word is a valid reading: stored means the worker kept going after all of the above.
            (Topic("sensor", "s1"), ContractPayloads.Sensor(ts.AddSeconds(30), 2, tempC: 26, smoke: false), RejectReason.None),
        ];
        foreach (var (topic, payload, _) in messages)
        {
            await device.PublishAsync(topic, payload, cancellationToken: TestContext.Current.CancellationToken);
        }

        var influx = services.Influx.Client;
        await ReadingStorageTests.WaitForPointsAsync(influx, database, site, worker,
            ("sensor", 2), ("feeder", 1), ("meter", 1), ("charger", 1), ("port", 2));
        var rejects = messages.Where(m => m.Expected != RejectReason.None).ToList();
        var counters = await ReadingStorageTests.WaitForCounterAsync(influx, database, worker, "messages_rejected", rejects.Count);

        Assert.True(worker.IsRunning, "the worker must survive bad input");
        Assert.Equal(rejects.Count, counters["messages_rejected"]);
        foreach (var reason in RejectReasonNames.All)
        {
            var expected = rejects.Count(m => m.Expected == reason);
            var key = "rejected_" + reason.ToName();
            Assert.True(counters.TryGetValue(key, out var counted), $"counter {key} missing from measurement chargewatch");
            Assert.True(expected == counted, $"{key}: expected {expected}, counted {counted}");
        }
        Assert.Equal(2, await influx.CountPointsAsync(database, "sensor", site, TestContext.Current.CancellationToken));
        Assert.Equal(1, await influx.CountPointsAsync(database, "feeder", site, TestContext.Current.CancellationToken));
        Assert.Equal(1, await influx.CountPointsAsync(database, "meter", site, TestContext.Current.CancellationToken));
        Assert.Equal(1, await influx.CountPointsAsync(database, "charger", site, TestContext.Current.CancellationToken));
    }
}
