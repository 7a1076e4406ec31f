using ChargeWatch.Core.Alerts;
using ChargeWatch.Core.Contract;
using System.Globalization;
using System.Text;

namespace ChargeWatch.Worker.Alerting;

/// <summary>
/// Maps a ChargeWatch alert change to the alert Alertmanager receives. Labels hold only what
/// identifies the alert and routes it (never measured values or times); the evidence goes into
/// annotations. Alertmanager reckons in wall time, so a start in the future of the wall clock (a
/// simulated evening) is posted as now; the event times stay visible in the annotations.
/// </summary>
public sealed class AlertmanagerAlertFactory(TeamMap teams, string grafanaUrl)
{
    public AlertmanagerAlert Create(AlertMessage alert, DateTimeOffset wallNow, string? cutoffNote = null)
    {
        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["alertname"] = alert.Rule,
            ["severity"] = alert.Severity.ToContractName(),
            ["site"] = alert.Site,
            ["kind"] = alert.Kind.ToTopicName(),
            ["device"] = alert.DeviceId,
            ["team"] = teams.TeamFor(alert.Site, alert.Rule),
        };
        if (alert.Shed is { Length: > 0 } shed)
        {
            labels["shed"] = shed;
        }
        if (alert.Port is { } port)
        {
            labels["port"] = port.ToString(CultureInfo.InvariantCulture);
        }

        var link = GrafanaLinks.For(grafanaUrl, alert);
        var annotations = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["summary"] = alert.Summary,
            ["description"] = Describe(alert, cutoffNote),
            ["dashboard"] = link,
            ["alert_id"] = alert.Id,
            ["event_starts_at"] = AlertJson.Format(alert.StartsAt),
        };
        if (alert.EndsAt is { } eventEnd)
        {
            annotations["event_ends_at"] = AlertJson.Format(eventEnd);
        }
        if (cutoffNote is not null)
        {
            annotations["cutoff"] = cutoffNote;
        }

        var startsAt = alert.StartsAt < wallNow ? alert.StartsAt : wallNow;
        return new AlertmanagerAlert
        {
            Labels = labels,
            Annotations = annotations,
            StartsAt = startsAt,
            ResolvedAt = alert.Status == AlertStatus.Resolved ? Max(wallNow, startsAt) : null,
            GeneratorUrl = link,
        };
    }

    public static string Describe(AlertMessage alert, string? cutoffNote)
    {
        var text = new StringBuilder(alert.Summary.TrimEnd('.'));
        text.Append('.');
        if (alert.Value is { } value)
        {
            text.Append(CultureInfo.InvariantCulture, $" Measured {Number(value)}{Unit(alert)}");
            if (alert.Threshold is { } threshold)
            {
                text.Append(CultureInfo.InvariantCulture, $" against a limit of {Number(threshold)}{Unit(alert)}");
            }
            text.Append('.');
        }
        if (alert.Confidence < 1.0)
        {
            text.Append(CultureInfo.InvariantCulture, $" Confidence {alert.Confidence:0.00}.");
        }
        text.Append(CultureInfo.InvariantCulture, $" {Where(alert)}; started {AlertJson.Format(alert.StartsAt)}");
        if (alert.EndsAt is { } end)
        {
            text.Append(CultureInfo.InvariantCulture, $", ended {AlertJson.Format(end)}");
        }
        text.Append(CultureInfo.InvariantCulture, $" (event time). Alert id {alert.Id}.");
        if (cutoffNote is not null)
        {
            text.Append(' ').Append(cutoffNote);
        }
        return text.ToString();
    }

    private static string Where(AlertMessage alert)
    {
        var where = $"{alert.Kind.ToTopicName()} {alert.DeviceId}";
        if (alert.Port is { } port)
        {
            where = $"port {port.ToString(CultureInfo.InvariantCulture)} of {where}";
        }
        if (alert.Shed is { } shed)
        {
            where += $" in shed {shed}";
        }
        return $"{char.ToUpperInvariant(where[0])}{where[1..]} at site {alert.Site}";
    }

    private static string Unit(AlertMessage alert) => alert.Unit is { Length: > 0 } unit ? $" {unit}" : "";

    private static string Number(double value) => value.ToString("0.0##", CultureInfo.InvariantCulture);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
