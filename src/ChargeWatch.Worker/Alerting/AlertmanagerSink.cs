using ChargeWatch.Core.Alerts;
using System.Threading.Channels;

namespace ChargeWatch.Worker.Alerting;

/// <summary>
/// Takes alert changes on the alert path and hands them to <see cref="AlertmanagerDelivery"/>
/// without waiting for disk or network: mapping and bookkeeping happen here, everything slow
/// happens behind the channel.
/// </summary>
public sealed class AlertmanagerSink(
    AlertmanagerAlertFactory factory,
    ActiveAlerts active,
    TimeProvider time,
    ILogger<AlertmanagerSink> logger)
{
    private readonly Channel<IReadOnlyList<AlertmanagerAlert>> _changes = Channel.CreateBounded<IReadOnlyList<AlertmanagerAlert>>(
        new BoundedChannelOptions(100_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private long _dropped;

    public ChannelReader<IReadOnlyList<AlertmanagerAlert>> Changes => _changes.Reader;

    public ActiveAlerts Active => active;

    public long DroppedChanges => Interlocked.Read(ref _dropped);

    public void Publish(AlertMessage alert, string? cutoffNote = null)
    {
        var now = time.GetUtcNow();
        var change = active.Apply(alert.Id, factory.Create(alert, now, cutoffNote), now);
        if (!_changes.Writer.TryWrite(change))
        {
            Interlocked.Increment(ref _dropped);
            logger.LogError("Alertmanager hand-off full: alert change {Id} {Status} not queued", alert.Id, alert.Status);
        }
    }
}
