using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using ChargeWatch.Core.Alerts;
using ChargeWatch.Core.Contract;

namespace ChargeWatch.Core.Detection;

/// <summary>
/// The persisted form of the active alerts: a JSON array of their latest firing messages (with
/// the change time and shed), enough to resolve them after a restart with the right id and start.
/// </summary>
public static class AlertStateJson
{
    // Source-generated metadata: the first alert after a start is written as fast as the rest,
    // with no reflection warm-up on the shard thread that publishes it.
    public static byte[] Write(IEnumerable<AlertMessage> active) =>
        JsonSerializer.SerializeToUtf8Bytes(
            active.Where(a => a.Status == AlertStatus.Firing).Select(StoredAlert.From).ToList(), AlertStateJsonContext.Default.ListStoredAlert);

    /// <summary>Reads a state file; entries that cannot be understood are skipped, never fatal.</summary>
    public static List<AlertMessage> Read(ReadOnlySpan<byte> json)
    {
        var stored = JsonSerializer.Deserialize(json, AlertStateJsonContext.Default.ListStoredAlert) ?? [];
        var alerts = new List<AlertMessage>(stored.Count);
        foreach (var entry in stored)
        {
            if (entry.ToAlert() is { } alert)
            {
                alerts.Add(alert);
            }
        }
        return alerts;
    }
}

/// <summary>One active alert as the state file holds it.</summary>
internal sealed record StoredAlert(
    string Id, string Rule, string Severity, string Site, string Kind, string Device, int? Port,
    string StartsAt, string ChangedAt, double? Value, double? Threshold, string? Unit,
    double Confidence, string Summary, string? Shed)
{
    public static StoredAlert From(AlertMessage a) => new(
        a.Id, a.Rule, a.Severity.ToContractName(), a.Site, a.Kind.ToTopicName(), a.DeviceId, a.Port,
        AlertJson.Format(a.StartsAt), AlertJson.Format(a.ChangedAt), Finite(a.Value), Finite(a.Threshold), a.Unit,
        a.Confidence, a.Summary, a.Shed);

    public AlertMessage? ToAlert()
    {
        if (!DeviceKindNames.TryParse(Kind, out var kind)
            || !DateTimeOffset.TryParse(StartsAt, CultureInfo.InvariantCulture, DateTimeStyles.None, out var starts)
            || !DateTimeOffset.TryParse(ChangedAt, CultureInfo.InvariantCulture, DateTimeStyles.None, out var changed)
            || Rule is null || Site is null || Device is null)
        {
            return null;
        }
        return new AlertMessage
        {
            Id = Id ?? AlertId.For(Rule, new DeviceKey(Site, kind, Device), Port),
            Rule = Rule,
            Status = AlertStatus.Firing,
            Severity = Severity == "critical" ? AlertSeverity.Critical : AlertSeverity.Warning,
            Device = new DeviceKey(Site, kind, Device),
            Port = Port,
            StartsAt = starts,
            ChangedAt = changed,
            Value = Value,
            Threshold = Threshold,
            Unit = Unit,
            Confidence = Confidence,
            Summary = Summary ?? "",
            Shed = Shed,
        };
    }

    private static double? Finite(double? v) => v is { } x && double.IsFinite(x) ? x : null;
}

[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(List<StoredAlert>))]
internal sealed partial class AlertStateJsonContext : JsonSerializerContext;
