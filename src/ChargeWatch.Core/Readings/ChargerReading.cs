using ChargeWatch.Core.Contract;

namespace ChargeWatch.Core.Readings;

/// <summary>A charging pile's reading: its sockets and an optional cabinet temperature.</summary>
public sealed class ChargerReading(
    DeviceKey device, DateTimeOffset timestamp, long? seq, string? shed, double? cabinetTempC, PortReading[] ports)
    : Reading(device, timestamp, seq)
{
    public string? Shed { get; } = shed;

    public double? CabinetTempC { get; } = cabinetTempC;

    public PortReadings Ports => new(ports);

    public double TotalAmps
    {
        get
        {
            var sum = 0.0;
            foreach (var port in ports)
            {
                sum += port.Amps;
            }
            return sum;
        }
    }

    /// <summary>Sum of the ports' power; ports without power or voltage count as 0 W.</summary>
    public double TotalWatts
    {
        get
        {
            var sum = 0.0;
            foreach (var port in ports)
            {
                sum += port.EffectiveWatts ?? 0.0;
            }
            return sum;
        }
    }
}
