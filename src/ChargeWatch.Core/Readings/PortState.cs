namespace ChargeWatch.Core.Readings;

/// <summary>State of one charger socket (contract §2).</summary>
public enum PortState : byte
{
    Unknown,
    Idle,
    Charging,
    Full,
    Fault,
    Off,
}

public static class PortStateNames
{
    public static string ToContractName(this PortState state) => state switch
    {
        PortState.Idle => "idle",
        PortState.Charging => "charging",
        PortState.Full => "full",
        PortState.Fault => "fault",
        PortState.Off => "off",
        _ => "unknown",
    };
}
