using ChargeWatch.Worker.Alerting;
using ChargeWatch.Worker.Counters;
using ChargeWatch.Worker.Cutoff;
using Prometheus;

namespace ChargeWatch.Worker.Health;

/// <summary>
/// The worker's counters in Prometheus text format, in a registry of its own (prometheus-net). The
/// values live in <see cref="ServiceCounters"/> and friends; just before each scrape they are
/// copied into the metrics, so every counter of the <c>chargewatch</c> measurement appears here too
/// without a second bookkeeping: <c>chargewatch_{field}_total</c>, rejects by reason as a label,
/// spool size as a gauge.
/// </summary>
public sealed class WorkerMetrics
{
    private const string RejectedPrefix = "rejected_";

    private readonly CollectorRegistry _registry = Metrics.NewCustomRegistry();
    private readonly Dictionary<string, Counter> _counters = [];
    private readonly MetricFactory _factory;

    public WorkerMetrics(
        ServiceCounters counters,
        Func<bool> brokerConnected,
        CutoffCounters cutoff,
        IReadOnlyList<AlertmanagerTarget> alertmanagers)
    {
        _factory = Metrics.WithCustomRegistry(_registry);
        DotNetStats.Register(_registry);
        var rejected = _factory.CreateCounter("chargewatch_messages_rejected_by_reason_total", "Rejected messages by reason.", "reason");
        var spool = _factory.CreateGauge("chargewatch_spool_bytes", "Bytes held in the disk spool while InfluxDB does not take writes.");
        var connected = _factory.CreateGauge("chargewatch_mqtt_connected", "1 while connected to the MQTT broker.");
        var commands = _factory.CreateCounter("chargewatch_cutoff_commands_total", "Protective cut-off commands published.", "cmd");
        var amReachable = _factory.CreateGauge("chargewatch_alertmanager_reachable", "1 while the Alertmanager takes alerts.", "url");
        var amQueued = _factory.CreateGauge("chargewatch_alertmanager_queued_changes", "Alert changes waiting on disk for the Alertmanager.", "url");
        var amPosted = _factory.CreateCounter("chargewatch_alertmanager_alerts_posted_total", "Alerts accepted by the Alertmanager, re-posts included.", "url");
        var amDropped = _factory.CreateCounter("chargewatch_alertmanager_changes_dropped_total", "Alert changes dropped (queue bound) or refused by the Alertmanager.", "url");

        _registry.AddBeforeCollectCallback(() =>
        {
            foreach (var (field, value) in counters.Snapshot())
            {
                if (field == "spool_bytes")
                {
                    spool.Set(value);
                }
                else if (field.StartsWith(RejectedPrefix, StringComparison.Ordinal))
                {
                    rejected.WithLabels(field[RejectedPrefix.Length..]).IncTo(value);
                }
                else
                {
                    Counter(field).IncTo(value);
                }
            }
            connected.Set(brokerConnected() ? 1 : 0);
            commands.WithLabels("cut").IncTo(cutoff.Cuts);
            commands.WithLabels("restore").IncTo(cutoff.Restores);
            foreach (var target in alertmanagers)
            {
                var url = target.Url.ToString();
                amReachable.WithLabels(url).Set(target.Reachable ? 1 : 0);
                amQueued.WithLabels(url).Set(target.QueuedChanges);
                amPosted.WithLabels(url).IncTo(target.AlertsPosted);
                amDropped.WithLabels(url).IncTo(target.DroppedChanges + target.RejectedChanges);
            }
        });
    }

    public Task ExportAsync(Stream output, CancellationToken ct) => _registry.CollectAndExportAsTextAsync(output, ct);

    private Counter Counter(string field)
    {
        if (!_counters.TryGetValue(field, out var counter))
        {
            counter = _factory.CreateCounter($"chargewatch_{field}_total", $"Cumulative '{field}' of the chargewatch measurement since start.");
            _counters[field] = counter;
        }
        return counter;
    }
}
