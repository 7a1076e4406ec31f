using ChargeWatch.Core.Contract;

namespace ChargeWatch.Core.Readings;

/// <summary>A shed's main supply meter. <see cref="Amps"/> is required.</summary>
public sealed class FeederReading(
    DeviceKey device, DateTimeOffset timestamp, long? seq, string? shed,
    double amps, double? volts, double? watts, double? wattHours, double? leakMilliamps)
    : Reading(device, timestamp, seq)
{
    public string? Shed { get; } = shed;

    public double Amps { get; } = amps;

    public double? Volts { get; } = volts;

    public double? Watts { get; } = watts;

    public double? WattHours { get; } = wattHours;

    public double? LeakMilliamps { get; } = leakMilliamps;

    public double? EffectiveWatts => Watts ?? (Volts is { } v ? v * Amps : null);
}
