namespace ChargeWatch.Core.Contract;

/// <summary>The four kinds of device of contract §1, in topic order.</summary>
public enum DeviceKind : byte
{
    Charger,
    Feeder,
    Meter,
    Sensor,
}

public static class DeviceKindNames
{
    public static string ToTopicName(this DeviceKind kind) => kind switch
    {
        DeviceKind.Charger => "charger",
        DeviceKind.Feeder => "feeder",
        DeviceKind.Meter => "meter",
        DeviceKind.Sensor => "sensor",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static bool TryParse(ReadOnlySpan<char> name, out DeviceKind kind)
    {
        switch (name)
        {
            case "charger": kind = DeviceKind.Charger; return true;
            case "feeder": kind = DeviceKind.Feeder; return true;
            case "meter": kind = DeviceKind.Meter; return true;
            case "sensor": kind = DeviceKind.Sensor; return true;
            default: kind = default; return false;
        }
    }
}
