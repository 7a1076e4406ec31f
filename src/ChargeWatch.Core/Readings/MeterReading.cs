using ChargeWatch.Core.Contract;

namespace ChargeWatch.Core.Readings;

/// <summary>A household or corridor electricity meter. <see cref="Watts"/> is required.</summary>
public sealed class MeterReading(
    DeviceKey device, DateTimeOffset timestamp, long? seq, double watts,
    double? volts, double? amps, double? powerFactor, double? wattHours,
    MeterRole? role, string? building, string? unit)
    : Reading(device, timestamp, seq)
{
    public double Watts { get; } = watts;

    public double? Volts { get; } = volts;

    public double? Amps { get; } = amps;

    public double? PowerFactor { get; } = powerFactor;

    public double? WattHours { get; } = wattHours;

    /// <summary>Role as the payload states it; null when absent (contract default: household).</summary>
    public MeterRole? Role { get; } = role;

    public string? Building { get; } = building;

    public string? Unit { get; } = unit;
}
