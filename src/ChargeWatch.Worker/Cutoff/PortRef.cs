using System.Globalization;

namespace ChargeWatch.Worker.Cutoff;

/// <summary>One socket of one charging pile.</summary>
public readonly record struct PortRef(string Site, string Charger, int Port)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"port {Port} of {Charger}");
}
