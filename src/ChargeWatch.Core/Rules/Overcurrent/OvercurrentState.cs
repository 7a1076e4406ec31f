using ChargeWatch.Core.Rules.Common;

namespace ChargeWatch.Core.Rules.Overcurrent;

/// <summary>A device's circuits: its ports (chargers) and its whole (a charger's total, a feeder).</summary>
internal sealed class OvercurrentState
{
    public PortTable<OvercurrentCircuit> Ports { get; } = new();

    public OvercurrentCircuit Whole;
}
