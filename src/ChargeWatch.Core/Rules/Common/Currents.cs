using ChargeWatch.Core.Readings;
using ChargeWatch.Core.Sites;

namespace ChargeWatch.Core.Rules.Common;

/// <summary>
/// Walks every current a reading carries — each port's, a pile's total, a feeder's — with its rated
/// current and the circuit state that belongs to it (a port's own, else the device's whole), for the
/// overcurrent rules.
/// </summary>
internal static class Currents
{
    public delegate void Visitor<TCircuit, TArg>(ref TCircuit circuit, int port, DateTimeOffset at, double amps, double rated, TArg arg);

    /// <summary>Calls <paramref name="visit"/> once per current; port 0 is the pile's total or the feeder.</summary>
    public static void ForEach<TCircuit, TArg>(
        Reading reading, RatedCurrents rated, PortTable<TCircuit> ports, ref TCircuit whole, TArg arg, Visitor<TCircuit, TArg> visit)
        where TCircuit : struct
    {
        if (reading is ChargerReading charger)
        {
            foreach (var port in charger.Ports)
            {
                visit(ref ports[port.Port], port.Port, charger.Timestamp, port.Amps, rated.ForPort(port.Port), arg);
            }
            visit(ref whole, 0, charger.Timestamp, charger.TotalAmps, rated.ChargerAmps, arg);
        }
        else if (reading is FeederReading feeder)
        {
            visit(ref whole, 0, feeder.Timestamp, feeder.Amps, rated.FeederAmps, arg);
        }
    }
}
