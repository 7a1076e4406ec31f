using ChargeWatch.Core.Alerts;
using System.Threading.Channels;

namespace ChargeWatch.Worker.Cutoff;

/// <summary>
/// Commands for one alert, sent together, then annotated in InfluxDB at <see cref="At"/> (the
/// alert change's event time) under the alert's id, rule and severity. <see cref="ByHand"/>: a
/// restore someone else published (the <c>restore</c> command line), only annotated.
/// </summary>
public sealed record CutoffOrder(IReadOnlyList<CutoffCommand> Commands, string AlertId, string Rule, AlertSeverity Severity, DateTimeOffset At, bool ByHand = false)
{
    public static CutoffOrder For(AlertMessage alert, IReadOnlyList<CutoffCommand> commands) =>
        new(commands, alert.Id, alert.Rule, alert.Severity, alert.ChangedAt);

    public bool Cuts => Commands.Count > 0 && Commands[0].Cut;
}

/// <summary>Hands orders from the alert path to the MQTT publisher without waiting.</summary>
public sealed class CutoffOutbox
{
    private readonly Channel<CutoffOrder> _orders = Channel.CreateUnbounded<CutoffOrder>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<CutoffOrder> Orders => _orders.Reader;

    // Unbounded on purpose: orders are rare (one per dangerous alert) and must never be dropped.
    public void Send(CutoffOrder order) => _orders.Writer.TryWrite(order);
}
