using ChargeWatch.Core.Contract;

namespace ChargeWatch.Core.Alerts;

/// <summary>
/// One alert state change: the message of contract §6. <see cref="ChangedAt"/> is the event time of
/// this change (the start, an escalation, or the end) and times the InfluxDB <c>alert</c> point;
/// <see cref="Shed"/> is known context for routing, not part of the §6 message.
/// </summary>
public sealed record AlertMessage
{
    public required string Id { get; init; }

    public required string Rule { get; init; }

    public required AlertStatus Status { get; init; }

    public required AlertSeverity Severity { get; init; }

    public required DeviceKey Device { get; init; }

    public int? Port { get; init; }

    public required DateTimeOffset StartsAt { get; init; }

    public DateTimeOffset? EndsAt { get; init; }

    public required DateTimeOffset ChangedAt { get; init; }

    public double? Value { get; init; }

    public double? Threshold { get; init; }

    public string? Unit { get; init; }

    public double Confidence { get; init; } = 1.0;

    public required string Summary { get; init; }

    public string? Shed { get; init; }

    public string Site => Device.Site;

    public DeviceKind Kind => Device.Kind;

    public string DeviceId => Device.Device;
}
