using ChargeWatch.Core.Readings;

namespace ChargeWatch.Core.Points;

/// <summary>What site configuration says about a device; each value, where set, overrides the payload's.</summary>
public readonly record struct DeviceTags(string? Shed = null, MeterRole? Role = null, string? Building = null, string? Unit = null)
{
    public static DeviceTags None => default;
}
