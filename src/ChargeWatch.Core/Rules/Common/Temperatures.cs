using ChargeWatch.Core.Readings;

namespace ChargeWatch.Core.Rules.Common;

/// <summary>
/// Walks every temperature a reading carries — each port's, a pile's cabinet, a sensor's — with the
/// circuit state that belongs to it (a port's own, else the device's whole), for the thermal rules.
/// </summary>
internal static class Temperatures
{
    public delegate void Visitor<TCircuit, TArg>(ref TCircuit circuit, int port, DateTimeOffset at, double tempC, TArg arg);

    /// <summary>Calls <paramref name="visit"/> once per temperature; port 0 is the cabinet or the sensor.</summary>
    public static void ForEach<TCircuit, TArg>(
        Reading reading, PortTable<TCircuit> ports, ref TCircuit whole, TArg arg, Visitor<TCircuit, TArg> visit)
        where TCircuit : struct
    {
        if (reading is ChargerReading charger)
        {
            foreach (var port in charger.Ports)
            {
                if (port.TempC is { } portTemp)
                {
                    visit(ref ports[port.Port], port.Port, charger.Timestamp, portTemp, arg);
                }
            }
            if (charger.CabinetTempC is { } cabinet)
            {
                visit(ref whole, 0, charger.Timestamp, cabinet, arg);
            }
        }
        else if (reading is SensorReading { TempC: { } sensorTemp } sensor)
        {
            visit(ref whole, 0, sensor.Timestamp, sensorTemp, arg);
        }
    }
}
