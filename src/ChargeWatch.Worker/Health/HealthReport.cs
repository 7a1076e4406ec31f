using System.Text.Json;

namespace ChargeWatch.Worker.Health;

/// <summary>
/// Whether the worker does its job: connected to the broker (else nothing arrives) and able to
/// make data durable — InfluxDB takes writes, or the spool still has room (when the spool is full
/// the worker stops acknowledging and ingestion stalls). Alertmanager reachability is reported
/// but does not make the worker unready: alerts wait in their disk queue.
/// </summary>
public sealed record HealthReport(bool Ready, IReadOnlyList<string> Reasons, IReadOnlyDictionary<string, object> Details)
{
    /// <summary>The spool counts as full with less than this room left: the next batch may not fit.</summary>
    public const long SpoolHeadroomBytes = 4L << 20;

    public static HealthReport Evaluate(HealthSignals signals)
    {
        var reasons = new List<string>();
        if (!signals.BrokerConnected)
        {
            reasons.Add($"not connected to the MQTT broker {signals.Broker}");
        }
        if (signals.SpoolBytes > 0 && signals.SpoolMaxBytes - signals.SpoolBytes < Math.Min(SpoolHeadroomBytes, signals.SpoolMaxBytes / 10))
        {
            reasons.Add($"InfluxDB is not taking writes and the spool is full ({signals.SpoolBytes} of {signals.SpoolMaxBytes} bytes)");
        }
        var details = new Dictionary<string, object>
        {
            ["broker_connected"] = signals.BrokerConnected,
            ["spool_bytes"] = signals.SpoolBytes,
            ["spooling"] = signals.SpoolBytes > 0,
            ["points_written"] = signals.PointsWritten,
            ["write_failures"] = signals.WriteFailures,
            ["alertmanagers_unreachable"] = signals.UnreachableAlertmanagers,
        };
        return new HealthReport(reasons.Count == 0, reasons, details);
    }

    public byte[] ToUtf8()
    {
        var body = new Dictionary<string, object>
        {
            ["status"] = Ready ? "ready" : "unavailable",
            ["reasons"] = Reasons,
        };
        foreach (var (key, value) in Details)
        {
            body[key] = value;
        }
        return JsonSerializer.SerializeToUtf8Bytes(body);
    }
}

/// <summary>The facts a health decision needs, read from the running worker.</summary>
public readonly record struct HealthSignals(
    bool BrokerConnected,
    string Broker,
    long SpoolBytes,
    long SpoolMaxBytes,
    long PointsWritten,
    long WriteFailures,
    IReadOnlyList<string> UnreachableAlertmanagers);
