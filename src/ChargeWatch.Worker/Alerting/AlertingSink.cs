using ChargeWatch.Core.Alerts;
using ChargeWatch.Worker.Alerts;
using ChargeWatch.Worker.Cutoff;

namespace ChargeWatch.Worker.Alerting;

/// <summary>
/// The alert sink of this feature: first the protective cut-off decides (so what it did is stated
/// in the alert), then the change goes to Alertmanager. Both only queue work, so the shard that
/// calls this is never held up by the broker or an Alertmanager.
/// </summary>
public sealed class AlertingSink(CutoffController cutoff, AlertmanagerSink alertmanager, AlertmanagerOptions options) : IAlertSink
{
    private readonly bool _alertmanagerOn = options.Urls.Any(url => !string.IsNullOrWhiteSpace(url));

    public ValueTask PublishAsync(AlertMessage alert, CancellationToken ct)
    {
        var note = cutoff.OnAlert(alert);
        if (_alertmanagerOn)
        {
            alertmanager.Publish(alert, note);
        }
        return ValueTask.CompletedTask;
    }
}
