namespace ChargeWatch.Core.Contract;

/// <summary>Identifies one device: unique by site, kind and device id (contract §1).</summary>
public readonly record struct DeviceKey(string Site, DeviceKind Kind, string Device)
{
    public override string ToString() => $"{Site}/{Kind.ToTopicName()}/{Device}";
}
