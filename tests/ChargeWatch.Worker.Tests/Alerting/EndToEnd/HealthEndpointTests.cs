using ChargeWatch.Testing;
using ChargeWatch.Worker.Tests.EndToEnd;
using System.Net;
using System.Text.Json;

namespace ChargeWatch.Worker.Tests.Alerting.EndToEnd;

/// <summary>/healthz and /metrics of a running worker, with a broker of its own that the test stops.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class HealthEndpointTests(EndToEndServices services)
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Healthz_BrokerStopped_UnavailableWithReasonThenReadyAgain()
    {
        await using var broker = await MosquittoProcess.StartNewAsync(TestContext.Current.CancellationToken);
        var database = InfluxApi.Database("health", InfluxApi.V1);
        var url = await services.PrepareDatabaseAsync(InfluxApi.V1, database);
        await using var worker = new WorkerProcess(WorkerProcess.SettingsFor(broker, url, InfluxApi.V1, database));
        await worker.StartAsync(TestContext.Current.CancellationToken);
        using var http = new HttpClient { BaseAddress = new Uri(worker.HttpUrl) };

        var (status, _) = await GetHealthAsync(http);
        Assert.Equal(HttpStatusCode.OK, status);

        await broker.StopAsync(TestContext.Current.CancellationToken);
        var (down, body) = await Eventually.UntilAsync(() => GetHealthAsync(http), r => r.Status == HttpStatusCode.ServiceUnavailable, Settle, "503 after the broker stopped",
            cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down);
        Assert.Equal("unavailable", body.GetProperty("status").GetString());
        Assert.Contains($"not connected to the MQTT broker {broker.Host}:{broker.Port}", body.GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);

        await broker.StartAsync(TestContext.Current.CancellationToken);
        await Eventually.UntilAsync(() => GetHealthAsync(http), r => r.Status == HttpStatusCode.OK, TimeSpan.FromSeconds(60), "ready after the broker returned",
            cancellationToken: TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Metrics_AfterReadings_CountersInPrometheusFormat()
    {
        var database = InfluxApi.Database("metrics", InfluxApi.V1);
        await using var worker = await services.StartWorkerAsync(InfluxApi.V1, database);
        await using var device = await MqttTestClient.ConnectAsync(services.Broker, cancellationToken: TestContext.Current.CancellationToken);
        var site = "metrics-" + Guid.NewGuid().ToString("N")[..6];
        for (var seq = 1; seq <= 5; seq++)
        {
            await device.PublishAsync(ContractPayloads.Topic(site, "charger", "c1"),
                ContractPayloads.StreamCharger(ObedientCharger.Start.AddSeconds(seq), seq), cancellationToken: TestContext.Current.CancellationToken);
        }
        await device.PublishAsync(ContractPayloads.Topic(site, "charger", "c1"), "{not json", cancellationToken: TestContext.Current.CancellationToken);
        using var http = new HttpClient { BaseAddress = new Uri(worker.HttpUrl) };

        var text = await Eventually.UntilAsync(
            () => http.GetStringAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken),
            body => body.Contains("chargewatch_messages_received_total 6", StringComparison.Ordinal)
                    && body.Contains("chargewatch_messages_rejected_total 1", StringComparison.Ordinal),
            Settle,
            "six messages counted, one rejected",
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Contains("# TYPE chargewatch_messages_received_total counter", text, StringComparison.Ordinal);
        Assert.Contains("chargewatch_messages_rejected_by_reason_total{reason=\"invalid_json\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("chargewatch_mqtt_connected 1", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE chargewatch_spool_bytes gauge", text, StringComparison.Ordinal);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetHealthAsync(HttpClient http)
    {
        using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, JsonDocument.Parse(body).RootElement.Clone());
    }
}
