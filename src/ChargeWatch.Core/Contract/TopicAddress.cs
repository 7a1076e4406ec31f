namespace ChargeWatch.Core.Contract;

/// <summary>A parsed device topic <c>chargewatch/{site}/{kind}/{device}/{channel}</c>.</summary>
public readonly record struct TopicAddress(DeviceKey Device, Channel Channel)
{
    public string Site => Device.Site;
    public DeviceKind Kind => Device.Kind;
    public string DeviceId => Device.Device;
}
