using System.Globalization;
using ChargeWatch.Core.Contract;

namespace ChargeWatch.Core.Rules.Common;

/// <summary>Wording shared by alert summaries, so every rule names things the same way.</summary>
public static class Describe
{
    /// <summary>"Port 3 of shed-a-c01", "Charger shed-a-c01", "Feeder shed-a-f", "Sensor shed-a-s1", "Meter 6-602".</summary>
    public static string Circuit(DeviceKey device, int port) => port > 0
        ? string.Create(Invariant, $"Port {port} of {device.Device}")
        : device.Kind switch
        {
            DeviceKind.Charger => "Charger " + device.Device,
            DeviceKind.Feeder => "Feeder " + device.Device,
            DeviceKind.Meter => "Meter " + device.Device,
            _ => "Sensor " + device.Device,
        };

    /// <summary>Summaries are written in the invariant culture: "10.0 A", never "10,0 A".</summary>
    public static CultureInfo Invariant => CultureInfo.InvariantCulture;
}
