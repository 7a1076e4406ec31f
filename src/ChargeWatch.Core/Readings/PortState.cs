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

    public static bool TryParse(ReadOnlySpan<byte> utf8, out PortState state)
    {
        if (utf8.SequenceEqual("idle"u8)) { state = PortState.Idle; return true; }
        if (utf8.SequenceEqual("charging"u8)) { state = PortState.Charging; return true; }
        if (utf8.SequenceEqual("full"u8)) { state = PortState.Full; return true; }
        if (utf8.SequenceEqual("fault"u8)) { state = PortState.Fault; return true; }
        if (utf8.SequenceEqual("off"u8)) { state = PortState.Off; return true; }
        state = PortState.Unknown;
        return false;
    }
}
