using ChargeWatch.Core.Alerts;
using ChargeWatch.Core.Contract;

namespace ChargeWatch.Core.Detection;

/// <summary>
/// Identifies one alert: a rule on a device, and on one of its ports where the rule is about a port.
/// <see cref="Port"/> is 0 for "no port" (contract ports are 1..64), which keeps the key small.
/// </summary>
public readonly record struct AlertKey(string Rule, DeviceKey Device, int Port = 0)
{
    public int? PortOrNull => Port == 0 ? null : Port;

    /// <summary>The contract §6 id, built only when a message is written.</summary>
    public string Id => AlertId.For(Rule, Device, PortOrNull);
}
