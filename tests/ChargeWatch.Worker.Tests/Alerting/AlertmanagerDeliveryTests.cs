using ChargeWatch.Core.Alerts;
using ChargeWatch.Testing;
using ChargeWatch.Worker.Alerting;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargeWatch.Worker.Tests.Alerting;

/// <summary>The Alertmanager sink against real Alertmanagers whose webhook points at a listener in the test.</summary>
public sealed class AlertmanagerDeliveryTests : IAsyncLifetime
{
    private static readonly TimeSpan Arrival = TimeSpan.FromSeconds(20);
    private readonly string _dataDirectory = TempDirectory.Create("am-delivery");
    private readonly HttpClient _http = new();
    private readonly List<IAsyncDisposable> _disposables = [];
    private AlertmanagerDelivery? _delivery;

    [Fact]
    public async Task Publish_FiringThenResolved_WebhookGetsEachOnceWithTeam()
    {
        var (alertmanager, webhook) = await StartAlertmanagerAsync();
        var (sink, delivery) = await StartSinkAsync(alertmanager.Url);
        var alert = TestAlerts.Overcurrent();

        sink.Publish(alert);
        var firing = await webhook.WaitForAsync(a => a.Status == "firing", Arrival, "firing notification");

        var labels = Assert.Single(firing).Labels;
        Assert.Equal("overcurrent", labels["alertname"]);
        Assert.Equal("shed-operator", labels["team"]);
        Assert.Equal(("dongyuan-1", "shed-a", "charger", "shed-a-c01", "3", "critical"),
            (labels["site"], labels["shed"], labels["kind"], labels["device"], labels["port"], labels["severity"]));

        // Re-posts every second meanwhile: Alertmanager must treat them as the same alert.
        await Task.Delay(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Assert.True(delivery.Targets[0].AlertsPosted >= 3, $"re-posts: {delivery.Targets[0].AlertsPosted}");

        sink.Publish(TestAlerts.Resolved(alert, TimeSpan.FromMinutes(2)));
        await webhook.WaitForAsync(a => a.Status == "resolved", Arrival, "resolved notification");
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);

        Assert.Single(webhook.Alerts, a => a.Status == "firing");
        Assert.Single(webhook.Alerts, a => a.Status == "resolved");
    }

    [Fact]
    public async Task Publish_AlertmanagerDown30Seconds_ArrivesAfterItReturns()
    {
        var (alertmanager, webhook) = await StartAlertmanagerAsync();
        var (sink, delivery) = await StartSinkAsync(alertmanager.Url);
        await alertmanager.StopAsync(TestContext.Current.CancellationToken);

        sink.Publish(TestAlerts.Smoke());
        await Task.Delay(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.False(delivery.Targets[0].Reachable);
        Assert.Equal(1, delivery.Targets[0].QueuedChanges);
        Assert.Empty(webhook.Alerts);

        await alertmanager.StartAsync(TestContext.Current.CancellationToken);
        var firing = await webhook.WaitForAsync(a => a.Status == "firing", Arrival, "firing notification after the outage");

        Assert.Equal(("smoke", "fire-safety"), (firing[0].Labels["alertname"], firing[0].Labels["team"]));
        await Eventually.UntilAsync(() => Task.FromResult(delivery.Targets[0].QueuedChanges), n => n == 0, Arrival, "queue drained", cancellationToken: TestContext.Current.CancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
        Assert.Single(webhook.Alerts);
    }

    [Fact]
    public async Task Publish_HighAvailabilityPair_BothGetEveryAlert()
    {
        var (first, firstHook) = await StartAlertmanagerAsync();
        var (second, secondHook) = await StartAlertmanagerAsync();
        var (sink, _) = await StartSinkAsync(first.Url, second.Url);

        sink.Publish(TestAlerts.Overcurrent());

        await firstHook.WaitForAsync(a => a.Status == "firing", Arrival, "first Alertmanager");
        await secondHook.WaitForAsync(a => a.Status == "firing", Arrival, "second Alertmanager");
    }

    [Fact]
    public async Task Publish_Escalation_CriticalFiresAndWarningResolves()
    {
        var (alertmanager, webhook) = await StartAlertmanagerAsync();
        var (sink, _) = await StartSinkAsync(alertmanager.Url);

        sink.Publish(TestAlerts.Thermal(AlertSeverity.Warning));
        await webhook.WaitForAsync(a => a.Status == "firing" && a.Labels["severity"] == "warning", Arrival, "warning");
        sink.Publish(TestAlerts.Thermal(AlertSeverity.Critical));

        await webhook.WaitForAsync(a => a.Status == "firing" && a.Labels["severity"] == "critical", Arrival, "critical");
        await webhook.WaitForAsync(a => a.Status == "resolved" && a.Labels["severity"] == "warning", Arrival, "warning resolved");
    }

    [Fact]
    public async Task Restart_WithAlertQueuedOnDisk_DeliversIt()
    {
        var (alertmanager, webhook) = await StartAlertmanagerAsync();
        await alertmanager.StopAsync(TestContext.Current.CancellationToken);
        var (sink, _) = await StartSinkAsync(alertmanager.Url);
        sink.Publish(TestAlerts.Smoke());
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        await StopSinkAsync();

        await alertmanager.StartAsync(TestContext.Current.CancellationToken);
        await StartSinkAsync(alertmanager.Url);

        await webhook.WaitForAsync(a => a.Status == "firing", Arrival, "queued alert after a worker restart");
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await StopSinkAsync();
        foreach (var disposable in Enumerable.Reverse(_disposables))
        {
            await disposable.DisposeAsync();
        }
        _http.Dispose();
        TempDirectory.DeleteQuietly(_dataDirectory);
    }

    private async Task<(AlertmanagerProcess Alertmanager, WebhookReceiver Webhook)> StartAlertmanagerAsync()
    {
        var webhook = new WebhookReceiver();
        _disposables.Add(webhook);
        var alertmanager = new AlertmanagerProcess($"""
            route:
              receiver: webhook
              group_by: [alertname, site, device, port, severity]
              group_wait: 1s
              group_interval: 1s
              repeat_interval: 24h
            receivers:
              - name: webhook
                webhook_configs:
                  - url: {webhook.Url}
                    send_resolved: true
            """);
        _disposables.Add(alertmanager);
        await alertmanager.StartAsync(TestContext.Current.CancellationToken);
        return (alertmanager, webhook);
    }

    private async Task<(AlertmanagerSink Sink, AlertmanagerDelivery Delivery)> StartSinkAsync(params string[] urls)
    {
        var options = new AlertmanagerOptions { Urls = [.. urls], RepostIntervalSeconds = 1, MaxRetryDelaySeconds = 1, RequestTimeoutSeconds = 2 };
        var time = TimeProvider.System;
        var active = new ActiveAlerts(Path.Combine(_dataDirectory, "active.json"), NullLogger.Instance);
        var sink = new AlertmanagerSink(new AlertmanagerAlertFactory(new TeamMap(), options.GrafanaUrl), active, time, NullLogger<AlertmanagerSink>.Instance);
        var targets = AlertmanagerTargets.Create(options, _dataDirectory, _http, active, time, NullLoggerFactory.Instance);
        _delivery = new AlertmanagerDelivery(sink, targets, options, time, NullLogger<AlertmanagerDelivery>.Instance);
        await _delivery.StartAsync(TestContext.Current.CancellationToken);
        return (sink, _delivery);
    }

    private async Task StopSinkAsync()
    {
        if (_delivery is { } delivery)
        {
            _delivery = null;
            await delivery.StopAsync(CancellationToken.None);
            delivery.Dispose();
        }
    }
}
