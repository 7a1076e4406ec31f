using ChargeWatch.Testing;

namespace ChargeWatch.Worker.Tests.EndToEnd;

/// <summary>
/// The warm start (docs/operations.md §6) over both InfluxDB paths: a restarted worker reads back
/// every meter reading its predecessor stored, and none of the other kinds; without InfluxDB it
/// starts all the same. What the replay does for detection is tested end to end in
/// <c>ChargeWatch.Flywire.Tests</c> (a restart mid-charge).
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class WarmStartTests(EndToEndServices services)
{
    private static readonly DateTimeOffset T0 = new(2026, 7, 8, 20, 0, 0, TimeSpan.FromHours(8));
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Theory]
    [MemberData(nameof(InfluxApi.Both), MemberType = typeof(InfluxApi))]
    public async Task Restart_ReadingsStored_TheNextWorkerReplaysEveryMeterReading(string api)
    {
        var ct = TestContext.Current.CancellationToken;
        var site = $"e2e-warm-{api}";
        var database = InfluxApi.Database("warm", api);
        await using (var first = await services.StartWorkerAsync(api, database))
        {
            await using var device = await MqttTestClient.ConnectAsync(services.Broker, cancellationToken: ct);
            for (var minute = 0; minute < 30; minute++)
            {
                var at = T0.AddMinutes(minute);
                await device.PublishAsync(ContractPayloads.Topic(site, "meter", "m-6-602"),
                    ContractPayloads.Meter(at, minute, 180 + minute, 230.1, 1.2, 0.65, role: "household"), cancellationToken: ct);
                await device.PublishAsync(ContractPayloads.Topic(site, "meter", "m-6-corridor"),
                    ContractPayloads.Meter(at, minute, 35, role: "corridor"), cancellationToken: ct);
                await device.PublishAsync(ContractPayloads.Topic(site, "feeder", "shed-a-feeder"),
                    ContractPayloads.Feeder(at, minute, 12.4, 230.1, 2710, shed: "shed-a"), cancellationToken: ct);
            }
            await Eventually.UntilAsync(() => services.Influx.Client.CountPointsAsync(database, "meter", site, ct),
                count => count == 60, Timeout, "the meter readings stored", cancellationToken: ct);
            Assert.Equal(0, await first.StopAsync(ct));
        }

        await using var second = await services.StartWorkerAsync(api, database);

        var replayed = await second.WaitForOutputAsync(line => line.Contains("Warm start: replayed", StringComparison.Ordinal), Timeout, ct);
        Assert.Contains("Warm start: replayed 60 meter readings of the 24 h up to 2026-07-08T12:29:00", replayed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_SitesGiven_OnlyTheirMetersReplayedAndTheirDevicesSubscribed()
    {
        var ct = TestContext.Current.CancellationToken;
        var (own, other) = ("e2e-sites-own", "e2e-sites-other");
        var database = InfluxApi.Database("sites", InfluxApi.V1);
        var url = await services.PrepareDatabaseAsync(InfluxApi.V1, database);
        var stored = string.Join('\n', Enumerable.Range(0, 30).Select(minute =>
            $"meter,site={(minute < 20 ? own : other)},meter=m-{minute % 2},role=household w={180 + minute} {T0.AddMinutes(minute).ToUnixTimeMilliseconds()}"));
        await services.Influx.Client.WriteAsync(database, stored, cancellationToken: ct);
        var settings = WorkerProcess.SettingsFor(services.Broker, url, InfluxApi.V1, database);
        settings["Mqtt:Sites:0"] = own;
        await using var worker = new WorkerProcess(settings);

        await worker.StartAsync(ct);

        var replayed = await worker.WaitForOutputAsync(line => line.Contains("Warm start: replayed", StringComparison.Ordinal), Timeout, ct);
        Assert.Contains("Warm start: replayed 20 meter readings", replayed, StringComparison.Ordinal);
        await using var device = await MqttTestClient.ConnectAsync(services.Broker, cancellationToken: ct);
        var live = T0.AddHours(1);
        await device.PublishAsync(ContractPayloads.Topic(other, "meter", "m-0"), ContractPayloads.Meter(live, 100, 200, role: "household"), cancellationToken: ct);
        await device.PublishAsync(ContractPayloads.Topic(own, "meter", "m-0"), ContractPayloads.Meter(live, 100, 200, role: "household"), cancellationToken: ct);
        await Eventually.UntilAsync(() => services.Influx.Client.CountPointsAsync(database, "meter", own, ct),
            count => count == 21, Timeout, "the own site's live reading stored", cancellationToken: ct);
        Assert.Equal(10, await services.Influx.Client.CountPointsAsync(database, "meter", other, ct));
    }

    [Fact]
    public async Task Start_InfluxDbUnreachable_WarmStartSkippedAndTheWorkerReady()
    {
        var ct = TestContext.Current.CancellationToken;
        var settings = WorkerProcess.SettingsFor(services.Broker, $"http://127.0.0.1:{FreePort.Next()}", InfluxApi.V1, "nowhere");
        await using var worker = new WorkerProcess(settings);

        await worker.StartAsync(ct);

        await worker.WaitForOutputAsync(line => line.Contains("Warm start cut short after 0 meter readings", StringComparison.Ordinal), Timeout, ct);
    }

    [Fact]
    public async Task Start_InfluxDbCutsTheAnswerShort_WarmStartStopsWithTheReason()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var influx = new InfluxDbProcess();
        influx.HttpLines.Add("max-row-limit = 10");
        await influx.StartAsync(ct);
        await influx.CreateDatabaseAsync("truncated", ct);
        // Past an hour of readings, so that the answer cut short leaves the next hour's asked for ahead.
        var lines = string.Join('\n', Enumerable.Range(0, 150).Select(minute =>
            $"meter,site=e2e-warm-limit,meter=m-6-602,role=household w={180 + minute} {T0.AddMinutes(minute).ToUnixTimeMilliseconds()}"));
        await influx.Client.WriteAsync("truncated", lines, cancellationToken: ct);
        await using var worker = new WorkerProcess(WorkerProcess.SettingsFor(services.Broker, influx.Url, InfluxApi.V1, "truncated"));

        await worker.StartAsync(ct);

        await worker.WaitForOutputAsync(line => line.Contains("max-row-limit is below", StringComparison.Ordinal), Timeout, ct);
    }
}
