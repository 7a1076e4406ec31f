using ChargeWatch.Core.Alerts;
using ChargeWatch.Core.Contract;
using System.Globalization;

namespace ChargeWatch.Worker.Alerting;

/// <summary>
/// Picks the Grafana dashboard that shows an alert's evidence and links to it around the alert's
/// event time. Dashboard uids are fixed by the dashboards: <c>chargewatch-flywire</c> for fly-wire
/// alerts, <c>chargewatch-shed</c> for devices of a shed, <c>chargewatch-alerts</c> otherwise.
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
        var url = $"{grafanaUrl.TrimEnd('/')}/d/{DashboardFor(alert)}?var-site={Uri.EscapeDataString(alert.Site)}";
        if (alert.Shed is { } shed)
        {
            url += $"&var-shed={Uri.EscapeDataString(shed)}";
        }
        return url + $"&var-device={Uri.EscapeDataString(alert.DeviceId)}&from={from}&to={to}";
    }
}
