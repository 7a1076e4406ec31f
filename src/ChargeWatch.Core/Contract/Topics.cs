namespace ChargeWatch.Core.Contract;

/// <summary>Topic names and filters of contract §1 and §3, in one place.</summary>
public static class Topics
{
    public const string Root = "chargewatch";

    /// <summary>Every device telemetry topic.</summary>
    public const string TelemetryFilter = "chargewatch/+/+/+/telemetry";

    /// <summary>Every device status topic (retained online/offline).</summary>
    public const string StatusFilter = "chargewatch/+/+/+/status";

    /// <summary>The telemetry topics of one site's devices.</summary>
    public static string TelemetryFilterOf(string site) => $"{Root}/{site}/+/+/telemetry";

    /// <summary>The status topics of one site's devices.</summary>
    public static string StatusFilterOf(string site) => $"{Root}/{site}/+/+/status";

    /// <summary>Every alert topic.</summary>
    public const string AlertFilter = "chargewatch/+/alerts/+";

    public static string Telemetry(DeviceKey device) => Device(device, "telemetry");

    public static string Status(DeviceKey device) => Device(device, "status");

    public static string Command(string site, string charger) => $"{Root}/{site}/charger/{charger}/cmd";

    public static string Alert(string site, string rule) => $"{Root}/{site}/alerts/{rule}";

    private static string Device(DeviceKey device, string channel) =>
        $"{Root}/{device.Site}/{device.Kind.ToTopicName()}/{device.Device}/{channel}";
}
