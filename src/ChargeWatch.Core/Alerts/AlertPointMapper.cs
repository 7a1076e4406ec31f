using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Points;

namespace ChargeWatch.Core.Alerts;

/// <summary>
/// Maps an alert state change to the <c>alert</c> measurement of contract §7 (Grafana annotations).
/// <c>confidence</c> is an addition to the contract's fields: the fly-wire dashboard plots it.
/// </summary>
public static class AlertPointMapper
{
    public static void Append(AlertMessage alert, LineProtocolBuffer lines) =>
        lines.BeginLine("alert")
            .Tag("device", alert.DeviceId)
            .Tag("kind", alert.Kind.ToTopicName())
            .Tag("rule", alert.Rule)
            .Tag("severity", alert.Severity.ToContractName())
            .Tag("site", alert.Site)
            .Field("status", alert.Status.ToContractName())
            .Field("value", alert.Value)
            .Field("threshold", alert.Threshold)
            .Field("summary", alert.Summary)
            .Field("id", alert.Id)
            .Field("port", alert.Port)
            .Field("confidence", alert.Confidence)
            .EndLine(alert.ChangedAt.ToUnixTimeMilliseconds());
}
