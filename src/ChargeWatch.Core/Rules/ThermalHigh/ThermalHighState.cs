using ChargeWatch.Core.Rules.Common;

namespace ChargeWatch.Core.Rules.ThermalHigh;

/// <summary>Alert cycles of a device's temperatures: per port, and the cabinet's or sensor's own.</summary>
internal sealed class ThermalHighState
{
    public PortTable<AlertCycle> Ports { get; } = new();

    public AlertCycle Whole;
}
