using ChargeWatch.Testing;

namespace ChargeWatch.Worker.Tests.EndToEnd;

/// <summary>
/// <c>Mqtt:Sites</c> on a persistent session: the broker keeps a session's subscriptions across
/// restarts, so a worker restarted with fewer sites must drop what it subscribed to before, or it
/// goes on storing (and judging) the other sites' readings. Real Mosquitto and InfluxDB 1.6.7.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class SiteSubscriptionTests(EndToEndServices services)
{
    private static readonly DateTimeOffset T0 = new(2026, 7, 8, 20, 0, 0, TimeSpan.FromHours(8));
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// <paramref name="recordKept"/> false: a data directory without the record of the earlier
    /// filters (one from before the record existed), where every site's filters are dropped.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Restart_SitesNarrowedOnTheSameSession_TheEarlierSubscriptionIsDropped(bool recordKept)
    {
        var ct = TestContext.Current.CancellationToken;
        var (own, other) = ($"e2e-narrow-own-{recordKept}".ToLowerInvariant(), $"e2e-narrow-other-{recordKept}".ToLowerInvariant());
        var database = InfluxApi.Database("narrow", InfluxApi.V1);
        var url = await services.PrepareDatabaseAsync(InfluxApi.V1, database);
        await using var worker = new WorkerProcess(WorkerProcess.SettingsFor(services.Broker, url, InfluxApi.V1, database));
        await worker.StartAsync(ct);
        Assert.Equal(0, await worker.StopAsync(ct));
        if (!recordKept)
        {
            File.Delete(Path.Combine(worker.DataDirectory, "mqtt", "subscriptions"));
        }

        worker.Settings["Mqtt:Sites:0"] = own;
        await worker.StartAsync(ct);

        await worker.WaitForOutputAsync(line => line.Contains("Unsubscribed the session from chargewatch/+/+/+/telemetry and chargewatch/+/+/+/status", StringComparison.Ordinal), Timeout, ct);
        await using var device = await MqttTestClient.ConnectAsync(services.Broker, cancellationToken: ct);
        await device.PublishAsync(ContractPayloads.Topic(other, "meter", "m-1"), ContractPayloads.Meter(T0, 1, 200, role: "household"), cancellationToken: ct);
        await device.PublishAsync(ContractPayloads.Topic(own, "meter", "m-1"), ContractPayloads.Meter(T0, 1, 200, role: "household"), cancellationToken: ct);
        await Eventually.UntilAsync(() => services.Influx.Client.CountPointsAsync(database, "meter", own, ct),
            count => count == 1, Timeout, "the own site's reading stored", cancellationToken: ct);
        Assert.Equal(0, await services.Influx.Client.CountPointsAsync(database, "meter", other, ct));
    }
}
