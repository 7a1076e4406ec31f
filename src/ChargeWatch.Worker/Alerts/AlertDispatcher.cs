using ChargeWatch.Core.Alerts;
using ChargeWatch.Worker.Counters;

namespace ChargeWatch.Worker.Alerts;

/// <summary>Hands every alert change to every registered <see cref="IAlertSink"/>, isolating their failures.</summary>
public sealed class AlertDispatcher(IEnumerable<IAlertSink> sinks, ServiceCounters counters, ILogger<AlertDispatcher> logger)
{
    private readonly IAlertSink[] _sinks = [.. sinks];

    public async ValueTask DispatchAsync(AlertMessage alert, CancellationToken ct)
    {
        if (alert.Status == AlertStatus.Firing)
        {
            counters.AlertRaised();
        }
        else
        {
            counters.AlertResolved();
        }
        foreach (var sink in _sinks)
        {
            try
            {
                await sink.PublishAsync(alert, ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                logger.LogError(e, "Alert sink {Sink} failed for {AlertId}", sink.GetType().Name, alert.Id);
            }
        }
    }
}
