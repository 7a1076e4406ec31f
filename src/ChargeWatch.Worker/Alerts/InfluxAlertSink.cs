using ChargeWatch.Core.Alerts;
using ChargeWatch.Core.Points;
using ChargeWatch.Worker.Storage;

namespace ChargeWatch.Worker.Alerts;

/// <summary>The <c>alert</c> point of each change, through the writer's side queue (spooled like any batch when InfluxDB is down).</summary>
public sealed class InfluxAlertSink(SideWrites sideWrites) : IAlertSink
{
    public ValueTask PublishAsync(AlertMessage alert, CancellationToken ct)
    {
        var lines = new LineProtocolBuffer(512);
        AlertPointMapper.Append(alert, lines);
        sideWrites.TryWrite(new WriteBatch(lines.ToString(), lines.LineCount, 0), "alert " + alert.Id);
        return ValueTask.CompletedTask;
    }
}
