using ChargeWatch.Core.Contract;

namespace ChargeWatch.Core.Points;

/// <summary>Looks up configured metadata of a device (shed membership, meter role, building, unit).</summary>
public interface IDeviceDirectory
{
    /// <summary>Configured tags of the device; <see cref="DeviceTags.None"/> for devices configuration does not name.</summary>
    DeviceTags Find(DeviceKey device);
}

/// <summary>A directory that knows no device: payload values are used as they are.</summary>
public sealed class EmptyDeviceDirectory : IDeviceDirectory
{
    public static EmptyDeviceDirectory Instance { get; } = new();

    public DeviceTags Find(DeviceKey device) => DeviceTags.None;
}
