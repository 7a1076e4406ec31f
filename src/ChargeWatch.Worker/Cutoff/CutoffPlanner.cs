using ChargeWatch.Core.Alerts;
using ChargeWatch.Core.Contract;

namespace ChargeWatch.Worker.Cutoff;

/// <summary>
/// Which alerts switch power off, and which sockets. Cutting is reserved for danger to life and
/// property: overcurrent, a critical temperature, a thermal-runaway precursor, smoke. A warning
/// temperature, leakage, fly-wire or offline alert never cuts. The scope follows where the
/// measurement was taken: a port's own current or temperature cuts that port; a pile's total or its
/// cabinet cuts the pile; a shed-wide measurement (sensor, feeder) cuts every pile of the shed.
/// </summary>
public static class CutoffPlanner
{
    public static CutoffScope? ScopeFor(AlertMessage alert)
    {
        if (alert.Status != AlertStatus.Firing || !Cuts(alert))
        {
            return null;
        }
        return alert.Kind switch
        {
            DeviceKind.Charger => alert.Port is null ? CutoffScope.Pile : CutoffScope.Port,
            DeviceKind.Sensor or DeviceKind.Feeder => CutoffScope.Shed,
            _ => null,
        };
    }

    public static IReadOnlyList<PortRef> Targets(AlertMessage alert, CutoffScope scope, PortTopology topology)
    {
        switch (scope)
        {
            case CutoffScope.Port:
                return [new PortRef(alert.Site, alert.DeviceId, alert.Port!.Value)];
            case CutoffScope.Pile:
                return topology.PortsOf(alert.Site, alert.DeviceId);
            case CutoffScope.Shed:
                var shed = alert.Shed ?? topology.ShedOf(alert.Site, alert.DeviceId);
                return shed is null ? [] : topology.PortsOfShed(alert.Site, shed);
            default:
                return [];
        }
    }

    private static bool Cuts(AlertMessage alert) => alert.Rule switch
    {
        "overcurrent" or "overcurrent.instant" => true,
        "thermal.high" => alert.Severity == AlertSeverity.Critical,
        "thermal.rise" or "smoke" => true,
        _ => false,
    };
}
