using ChargeWatch.Core.Rules.Common;

namespace ChargeWatch.Core.Rules.FlywireStrip;

/// <summary>The step history of each port of one charger.</summary>
internal sealed class StripState
{
    public PortTable<PortSteps> Ports { get; } = new();
}
