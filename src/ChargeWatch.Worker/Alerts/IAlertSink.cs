using ChargeWatch.Core.Alerts;

namespace ChargeWatch.Worker.Alerts;

/// <summary>
/// Somewhere alert state changes go (MQTT, InfluxDB, the log, Alertmanager, cut commands).
/// Called from a shard's thread, once per change, in event-time order: an implementation must
/// return quickly (queue internally) so one slow destination never delays another.
/// </summary>
public interface IAlertSink
{
    ValueTask PublishAsync(AlertMessage alert, CancellationToken ct);
}
