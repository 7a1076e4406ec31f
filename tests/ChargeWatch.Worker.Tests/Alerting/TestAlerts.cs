using ChargeWatch.Core.Alerts;
using ChargeWatch.Core.Contract;

namespace ChargeWatch.Worker.Tests.Alerting;

/// <summary>Contract §6 example alerts for the alerting tests.</summary>
internal static class TestAlerts
{
    public static readonly DateTimeOffset Start = new(2026, 7, 8, 21, 30, 9, TimeSpan.FromHours(8));

    public static AlertMessage Overcurrent(string site = "dongyuan-1", string charger = "shed-a-c01", int port = 3) => new()
    {
        Id = AlertId.For("overcurrent", new DeviceKey(site, DeviceKind.Charger, charger), port),
        Rule = "overcurrent",
        Status = AlertStatus.Firing,
        Severity = AlertSeverity.Critical,
        Device = new DeviceKey(site, DeviceKind.Charger, charger),
        Port = port,
        StartsAt = Start,
        ChangedAt = Start,
        Value = 10.0,
        Threshold = 4.0,
        Unit = "A",
        Summary = $"Port {port} of {charger} drew 10.0 A (2.5x its rated 4.0 A)",
        Shed = "shed-a",
    };

    public static AlertMessage Smoke(string site = "dongyuan-1", string sensor = "shed-a-s1", string? shed = "shed-a") => new()
    {
        Id = AlertId.For("smoke", new DeviceKey(site, DeviceKind.Sensor, sensor), null),
        Rule = "smoke",
        Status = AlertStatus.Firing,
        Severity = AlertSeverity.Critical,
        Device = new DeviceKey(site, DeviceKind.Sensor, sensor),
        StartsAt = Start,
        ChangedAt = Start,
        Summary = $"Sensor {sensor} reports smoke",
        Shed = shed,
    };

    public static AlertMessage Thermal(AlertSeverity severity, int? port = null, string charger = "shed-a-c01") => new()
    {
        Id = AlertId.For("thermal.high", new DeviceKey("dongyuan-1", DeviceKind.Charger, charger), port),
        Rule = "thermal.high",
        Status = AlertStatus.Firing,
        Severity = severity,
        Device = new DeviceKey("dongyuan-1", DeviceKind.Charger, charger),
        Port = port,
        StartsAt = Start,
        ChangedAt = Start,
        Value = severity == AlertSeverity.Critical ? 78.0 : 62.0,
        Threshold = severity == AlertSeverity.Critical ? 75.0 : 60.0,
        Unit = "°C",
        Summary = $"Cabinet of {charger} at {(severity == AlertSeverity.Critical ? 78.0 : 62.0)} °C",
        Shed = "shed-a",
    };

    public static AlertMessage Resolved(AlertMessage firing, TimeSpan after) => firing with
    {
        Status = AlertStatus.Resolved,
        EndsAt = firing.StartsAt + after,
        ChangedAt = firing.StartsAt + after,
    };
}
