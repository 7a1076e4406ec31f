using ChargeWatch.Core.Contract;

namespace ChargeWatch.Core.Readings;

/// <summary>A temperature and/or smoke sensor in a shed.</summary>
public sealed class SensorReading(
    DeviceKey device, DateTimeOffset timestamp, long? seq, string? shed, double? tempC, bool? smoke)
    : Reading(device, timestamp, seq)
{
    public string? Shed { get; } = shed;

    public double? TempC { get; } = tempC;

    public bool? Smoke { get; } = smoke;
}
