using ChargeWatch.Testing;

namespace ChargeWatch.Worker.Tests.EndToEnd;

/// <summary>
/// Nothing lost through faults mid-stream: an InfluxDB outage of 30 s, the worker stopped or killed
/// and started again, the broker restarted. Each test streams readings at a steady rate across the
/// fault and then checks that every published reading is in InfluxDB.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class FaultToleranceTests(EndToEndServices services)
{
    private const int MessagesPerSecond = 20;
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(120);

    public static TheoryData<string, bool> ApisAndKill => new()
    {
        { InfluxApi.V1, false }, { InfluxApi.V1, true }, { InfluxApi.V2, false }, { InfluxApi.V2, true },
    };

    [Theory]
    [MemberData(nameof(InfluxApi.Both), MemberType = typeof(InfluxApi))]
    public async Task InfluxDbStopped30Seconds_MidStream_NothingMissingAfterDrain(string api)
    {
        var ct = TestContext.Current.CancellationToken;
        // Its own InfluxDB: stopping the shared one would disturb nothing now, but a failure here must not leave it down.
        await using var influx = await InfluxDbProcess.StartNewAsync(ct);
        await using var front = await InfluxV2WriteFront.StartAsync(influx.Url, ct);
        front.RequiredToken = WorkerProcess.TestToken;
        var database = InfluxApi.Database("influxdown", api);
        await influx.CreateDatabaseAsync(database, ct);
        await using var worker = await InfluxApi.StartWorkerAsync(services.Broker, InfluxApi.UrlFor(api, influx, front), api, database);
        await using var device = await MqttTestClient.ConnectAsync(services.Broker, cancellationToken: ct);
        var stream = new TelemetryStream(device, $"e2e-influxdown-{api}", MessagesPerSecond);

        using var stop = new CancellationTokenSource();
        var publishing = stream.RunAsync(stop.Token);
        await Task.Delay(TimeSpan.FromSeconds(3), ct);
        await influx.StopAsync(ct);
        await Task.Delay(TimeSpan.FromSeconds(30), ct);
        Assert.True(worker.IsRunning, $"the worker must ride out an InfluxDB outage\n{worker.LogTail()}");
        await influx.StartAsync(ct);
        await Task.Delay(TimeSpan.FromSeconds(3), ct);
        await stop.CancelAsync();
        await publishing;

        await StoredStream.AssertNothingMissingAsync(influx.Client, database, stream, worker, DrainTimeout);
        var counters = await ReadingStorageTests.WaitForCounterAsync(influx.Client, database, worker, "messages_received", stream.Published);
        Assert.True(counters.GetValueOrDefault("write_failures") > 0, "30 s without InfluxDB must show as write failures");
    }

    [Theory]
    [MemberData(nameof(ApisAndKill))]
    public async Task WorkerStoppedAndStartedAgain_MidStream_NothingMissing(string api, bool kill)
    {
        var ct = TestContext.Current.CancellationToken;
        var database = InfluxApi.Database(kill ? "workerkill" : "workerstop", api);
        await using var worker = await services.StartWorkerAsync(api, database);
        await using var device = await MqttTestClient.ConnectAsync(services.Broker, cancellationToken: ct);
        var stream = new TelemetryStream(device, $"e2e-worker{(kill ? "kill" : "stop")}-{api}", MessagesPerSecond);

        using var stop = new CancellationTokenSource();
        var publishing = stream.RunAsync(stop.Token);
        await Task.Delay(TimeSpan.FromSeconds(3), ct);
        if (kill)
        {
            await worker.KillAsync();
        }
        else
        {
            var exitCode = await worker.StopAsync(ct);
            Assert.True(exitCode == 0, $"SIGTERM must end the worker with exit code 0, was {exitCode}\n{worker.LogTail()}");
        }
        await Task.Delay(TimeSpan.FromSeconds(3), ct);
        await worker.StartAsync(ct);
        await Task.Delay(TimeSpan.FromSeconds(3), ct);
        await stop.CancelAsync();
        await publishing;

        await StoredStream.AssertNothingMissingAsync(services.Influx.Client, database, stream, worker, DrainTimeout);
    }

    [Theory]
    [MemberData(nameof(InfluxApi.Both), MemberType = typeof(InfluxApi))]
    public async Task BrokerRestarted_MidStream_WorkerReconnectsNothingMissing(string api)
    {
        var ct = TestContext.Current.CancellationToken;
        // Its own broker, so the restart cannot disturb other tests' sessions.
        await using var broker = await MosquittoProcess.StartNewAsync(ct);
        var database = InfluxApi.Database("brokerrestart", api);
        var url = await services.PrepareDatabaseAsync(api, database);
        await using var worker = await InfluxApi.StartWorkerAsync(broker, url, api, database);
        await using var device = await MqttTestClient.ConnectAsync(broker, cancellationToken: ct);
        var stream = new TelemetryStream(device, $"e2e-brokerrestart-{api}", MessagesPerSecond);

        using var stop = new CancellationTokenSource();
        var publishing = stream.RunAsync(stop.Token);
        await Task.Delay(TimeSpan.FromSeconds(3), ct);
        await broker.StopAsync(ct);
        await Task.Delay(TimeSpan.FromSeconds(5), ct);
        await broker.StartAsync(ct);
        await Task.Delay(TimeSpan.FromSeconds(5), ct);
        await stop.CancelAsync();
        await publishing;

        Assert.True(stream.PublishRetries > 0, "the publisher should have noticed the broker was away");
        await StoredStream.AssertNothingMissingAsync(services.Influx.Client, database, stream, worker, DrainTimeout);
        Assert.True(worker.IsRunning, "the worker must survive a broker restart");
    }
}
