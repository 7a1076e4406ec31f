using ChargeWatch.Core.Contract;

namespace ChargeWatch.Core.Alerts;

/// <summary>The stable alert id of contract §6: <c>rule|site|kind|device[|port]</c>.</summary>
public static class AlertId
{
    public static string For(string rule, DeviceKey device, int? port) => port is { } p
        ? $"{rule}|{device.Site}|{device.Kind.ToTopicName()}|{device.Device}|{p}"
        : $"{rule}|{device.Site}|{device.Kind.ToTopicName()}|{device.Device}";
}
