namespace ChargeWatch.Core.Alerts;

/// <summary>Alert severities of contract §4, ordered so that escalation is a greater value.</summary>
public enum AlertSeverity : byte
{
    Warning = 1,
    Critical = 2,
}

public static class AlertSeverityNames
{
    public static string ToContractName(this AlertSeverity severity) =>
        severity == AlertSeverity.Critical ? "critical" : "warning";
}
