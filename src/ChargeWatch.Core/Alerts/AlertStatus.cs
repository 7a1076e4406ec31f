namespace ChargeWatch.Core.Alerts;

public enum AlertStatus : byte
{
    Firing,
    Resolved,
}

public static class AlertStatusNames
{
    public static string ToContractName(this AlertStatus status) =>
        status == AlertStatus.Resolved ? "resolved" : "firing";
}
