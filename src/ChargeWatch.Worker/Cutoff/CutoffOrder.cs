using ChargeWatch.Core.Alerts;
using System.Threading.Channels;

namespace ChargeWatch.Worker.Cutoff;

/// <summary>Commands for one alert (or one manual restore), sent together, then annotated in InfluxDB.</summary>
public sealed record CutoffOrder(IReadOnlyList<CutoffCommand> Commands, AlertMessage? Alert);

/// <summary>Hands orders from the alert path to the MQTT publisher without waiting.</summary>
public sealed class CutoffOutbox
{
    private readonly Channel<CutoffOrder> _orders = Channel.CreateUnbounded<CutoffOrder>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<CutoffOrder> Orders => _orders.Reader;

    // Unbounded on purpose: orders are rare (one per dangerous alert) and must never be dropped.
    public void Send(CutoffOrder order) => _orders.Writer.TryWrite(order);
}
