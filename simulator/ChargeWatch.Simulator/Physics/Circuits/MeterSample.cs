using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Readings;

namespace ChargeWatch.Simulator.Physics.Circuits;

/// <summary>
/// One meter reading as the meter reports it (noisy, rounded, jittered in time). Optional values
/// are null when the meter does not report them.
/// </summary>
public readonly record struct MeterSample(
    DateTimeOffset Timestamp, double Watts, double? Volts, double? Amps, double? PowerFactor, double WattHours)
{
    public MeterReading ToReading(DeviceKey device, long? seq, MeterRole? role = null, string? building = null, string? unit = null) =>
        new(device, Timestamp, seq, Watts, Volts, Amps, PowerFactor, WattHours, role, building, unit);
}
