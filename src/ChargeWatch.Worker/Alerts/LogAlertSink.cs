using ChargeWatch.Core.Alerts;

namespace ChargeWatch.Worker.Alerts;

/// <summary>One structured log line per alert change.</summary>
public sealed class LogAlertSink(ILogger<LogAlertSink> logger) : IAlertSink
{
    public ValueTask PublishAsync(AlertMessage alert, CancellationToken ct)
    {
        var level = alert.Status == AlertStatus.Firing && alert.Severity == AlertSeverity.Critical ? LogLevel.Error : LogLevel.Warning;
        if (logger.IsEnabled(level))
        {
            logger.Log(level, "Alert {Status} {Rule} {Severity} {AlertId} at {ChangedAt}: {Summary}",
                alert.Status.ToContractName(), alert.Rule, alert.Severity.ToContractName(), alert.Id, AlertJson.Format(alert.ChangedAt), alert.Summary);
        }
        return ValueTask.CompletedTask;
    }
}
