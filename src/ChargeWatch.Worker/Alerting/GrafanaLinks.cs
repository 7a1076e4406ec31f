using ChargeWatch.Core.Alerts;
using ChargeWatch.Core.Contract;
using System.Globalization;

namespace ChargeWatch.Worker.Alerting;

/// <summary>
/// Picks the Grafana dashboard that shows an alert's evidence and links to it around the alert's
/// event time. Dashboard uids are fixed by the dashboards: <c>chargewatch-flywire</c> for fly-wire
/// alerts (variables site, device), <c>chargewatch-shed</c> for devices of a shed (site, shed, and
/// the pile as device), <c>chargewatch-alerts</c> otherwise (site, rule).
/// </summary>
public static class GrafanaLinks
{
    public const string ShedDashboard = "chargewatch-shed";
    public const string FlywireDashboard = "chargewatch-flywire";
    public const string AlertsDashboard = "chargewatch-alerts";

    private static readonly TimeSpan Margin = TimeSpan.FromHours(1);

    public static string DashboardFor(AlertMessage alert)
    {
        if (alert.Rule.StartsWith("flywire.", StringComparison.Ordinal))
        {
            return FlywireDashboard;
        }
        return alert.Kind != DeviceKind.Meter && alert.Shed is not null ? ShedDashboard : AlertsDashboard;
    }

    public static string For(string grafanaUrl, AlertMessage alert)
    {
        var from = (alert.StartsAt - Margin).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var to = alert.EndsAt is { } end
            ? (end + Margin).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)
            : "now";
        var dashboard = DashboardFor(alert);
        var url = $"{grafanaUrl.TrimEnd('/')}/d/{dashboard}?var-site={Uri.EscapeDataString(alert.Site)}";
        // Only variables the dashboard has, with values its queries can match.
        switch (dashboard)
        {
            case ShedDashboard:
                url += $"&var-shed={Uri.EscapeDataString(alert.Shed!)}";
                if (alert.Kind == DeviceKind.Charger)
                {
                    url += $"&var-device={Uri.EscapeDataString(alert.DeviceId)}";
                }
                break;
            case FlywireDashboard:
                url += $"&var-device={Uri.EscapeDataString(alert.DeviceId)}";
                break;
            default:
                url += $"&var-rule={Uri.EscapeDataString(alert.Rule)}";
                break;
        }
        return url + $"&from={from}&to={to}";
    }
}
