using ChargeWatch.Core.Rules.Common;

namespace ChargeWatch.Core.Rules.OvercurrentInstant;

/// <summary>Alert cycles of a device's circuits: its ports and its whole (charger total or feeder).</summary>
internal sealed class OvercurrentInstantState
{
    public PortTable<AlertCycle> Ports { get; } = new();

    public AlertCycle Whole;
}
