using ChargeWatch.Testing;
using ChargeWatch.Worker.Tests.EndToEnd;
using System.Globalization;
using System.Text.Json;

namespace ChargeWatch.Worker.Tests.Alerting.EndToEnd;

/// <summary>
/// The worker as a child process on real Mosquitto, InfluxDB and Alertmanager: an overcurrent
/// reaches the right team's webhook, the cut-off switches the port off, the port reports off and
/// the alert resolves, and a restore by hand is annotated under the alert that cut — and with
/// cut-off off, no command is ever sent.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class CutoffEndToEndTests(EndToEndServices services) : IAsyncDisposable
{
    private static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(60);
    private static readonly TimeSpan Arrival = TimeSpan.FromSeconds(20);
    private readonly List<IAsyncDisposable> _disposables = [];

    [Fact]
    public async Task Overcurrent_CutoffEnabled_CutPortReportsOffAlertResolves()
    {
        var site = Site();
        var webhook = Own(new WebhookReceiver());
        var alertmanager = Own(new AlertmanagerProcess(TestAlertmanagerConfig(webhook.Url)));
        await alertmanager.StartAsync(TestContext.Current.CancellationToken);
        var database = await StartWorkerAsync(site, cutoff: true, alertmanager.Url);
        var alerts = await SubscribeAlertsAsync(site);
        var charger = await ObedientCharger.ConnectAsync(services.Broker, site, "shed-a-c01");

        // 2.5x rated: the IEC standard-inverse curve trips after about 7.6 s of event time.
        await charger.RunUntilAsync(() => charger.IsOff(ObedientCharger.OverloadedPort), limit: 60, Pace);

        var cut = Assert.Single(charger.Commands);
        Assert.Equal("cut", cut.GetProperty("cmd").GetString());
        Assert.Equal(3, cut.GetProperty("port").GetInt32());
        Assert.Equal("overcurrent", cut.GetProperty("reason").GetString());
        Assert.Equal($"overcurrent|{site}|charger|shed-a-c01|3", cut.GetProperty("alert").GetString());

        var firing = await webhook.WaitForAsync(a => a.Status == "firing", Arrival, "firing at the webhook");
        Assert.Equal(("overcurrent", "shed-operator", "3", site), (firing[0].Labels["alertname"], firing[0].Labels["team"], firing[0].Labels["port"], firing[0].Labels["site"]));
        var description = (await alertmanager.GetAlertsAsync(TestContext.Current.CancellationToken))[0].GetProperty("annotations").GetProperty("description").GetString();
        Assert.Contains("Protective cut-off: cut sent to port 3 of shed-a-c01", description, StringComparison.Ordinal);

        // The port reports off with 0 A: after 60 s of event time at or below rated the alert resolves.
        await charger.RunAsync(65, Pace);
        await alerts.WaitForMessageAsync(m => Status(m) == "resolved", Arrival, TestContext.Current.CancellationToken);
        await webhook.WaitForAsync(a => a.Status == "resolved", Arrival, "resolved at the webhook");

        Assert.Single(charger.Commands);
        Assert.Single(alerts.Messages, m => Status(m) == "firing");
        Assert.Single(webhook.Alerts, a => a.Status == "firing"); // re-posted every second meanwhile
        var row = await SingleAnnotationAsync(database, "cut");
        Assert.Equal(3, row.Number("port"));
        Assert.Equal("shed-a-c01", row.Text("device"));

        // The port stays off after the alert resolved, until someone restores it with the command line.
        var restore = Own(new RestoreRun(services.Broker, site));
        Assert.Equal(0, await restore.RunAsync("--site", site, "--charger", "shed-a-c01", "--port", "3"));
        var restored = await SingleAnnotationAsync(database, "restore");
        Assert.Equal(("overcurrent", "Restored by hand: port 3 of shed-a-c01", $"overcurrent|{site}|charger|shed-a-c01|3"),
            (restored.Text("rule"), restored.Text("summary"), restored.Text("id")));
        Assert.Equal(3, restored.Number("port"));
    }

    [Fact]
    public async Task Overcurrent_CutoffDisabled_NoCommandSent()
    {
        var site = Site();
        await StartWorkerAsync(site, cutoff: false, alertmanagerUrl: null);
        var alerts = await SubscribeAlertsAsync(site);
        var charger = await ObedientCharger.ConnectAsync(services.Broker, site, "shed-a-c01");

        await charger.RunUntilAsync(() => alerts.Messages.Any(m => Status(m) == "firing"), limit: 60, Pace);
        await charger.RunAsync(20, Pace);

        Assert.Empty(charger.Commands);
        Assert.False(charger.IsOff(ObedientCharger.OverloadedPort));
    }

    [Fact]
    public async Task Restore_CommandLine_PublishesRestoreAndExitsZero()
    {
        var site = Site();
        var listener = Own(await MqttTestClient.ConnectAsync(services.Broker, cancellationToken: TestContext.Current.CancellationToken));
        await listener.SubscribeAsync($"chargewatch/{site}/charger/+/cmd", TestContext.Current.CancellationToken);
        var worker = Own(new RestoreRun(services.Broker, site));

        var exitCode = await worker.RunAsync("--site", site, "--charger", "shed-a-c01", "--port", "3", "--port", "4");

        Assert.Equal(0, exitCode);
        var restores = await listener.WaitForMessagesAsync(m => m.Topic == $"chargewatch/{site}/charger/shed-a-c01/cmd", 2, Arrival, TestContext.Current.CancellationToken);
        Assert.Equal(["""{"cmd":"restore","port":3}""", """{"cmd":"restore","port":4}"""], restores.Select(m => m.Payload));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var disposable in Enumerable.Reverse(_disposables))
        {
            await disposable.DisposeAsync();
        }
    }

    internal static string TestAlertmanagerConfig(string webhookUrl) => $"""
        route:
          receiver: webhook
          group_by: [alertname, site, shed]
          group_wait: 1s
          group_interval: 1s
          repeat_interval: 24h
        receivers:
          - name: webhook
            webhook_configs:
              - url: {webhookUrl}
                send_resolved: true
        """;

    private static string Site() => "cut-" + Guid.NewGuid().ToString("N")[..8];

    private static string? Status(ReceivedMessage message) =>
        JsonDocument.Parse(message.Payload).RootElement.GetProperty("status").GetString();

    private async Task<InfluxRow> SingleAnnotationAsync(string database, string status)
    {
        var annotations = await Eventually.UntilAsync(
            () => services.Influx.QueryAsync(database, $"SELECT * FROM alert WHERE status = '{status}'", TestContext.Current.CancellationToken),
            series => series.Count > 0,
            Arrival,
            $"{status} annotation in InfluxDB",
            cancellationToken: TestContext.Current.CancellationToken);
        return Assert.Single(Assert.Single(annotations).Rows);
    }

    private T Own<T>(T disposable) where T : IAsyncDisposable
    {
        _disposables.Add(disposable);
        return disposable;
    }

    private async Task<MqttTestClient> SubscribeAlertsAsync(string site)
    {
        var client = Own(await MqttTestClient.ConnectAsync(services.Broker, cancellationToken: TestContext.Current.CancellationToken));
        await client.SubscribeAsync($"chargewatch/{site}/alerts/overcurrent", TestContext.Current.CancellationToken);
        return client;
    }

    private async Task<string> StartWorkerAsync(string site, bool cutoff, string? alertmanagerUrl)
    {
        var database = InfluxApi.Database("cutoff", InfluxApi.V1);
        var url = await services.PrepareDatabaseAsync(InfluxApi.V1, database);
        var settings = WorkerProcess.SettingsFor(services.Broker, url, InfluxApi.V1, database);
        settings[$"Sites:{site}:Cutoff:Enabled"] = cutoff.ToString(CultureInfo.InvariantCulture);
        if (alertmanagerUrl is not null)
        {
            settings["Alertmanager:Urls:0"] = alertmanagerUrl;
            settings["Alertmanager:RepostIntervalSeconds"] = "1";
        }
        var worker = Own(new WorkerProcess(settings));
        await worker.StartAsync(TestContext.Current.CancellationToken);
        if (cutoff)
        {
            // The cut-off's own connection learns the piles: wait until it subscribed.
            await worker.WaitForOutputAsync(line => line.Contains("Protective cut-off enabled", StringComparison.Ordinal), Arrival, TestContext.Current.CancellationToken);
        }
        return database;
    }
}
