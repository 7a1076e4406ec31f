using ChargeWatch.Core.Rules.Common;

namespace ChargeWatch.Core.Rules.Overcharge;

/// <summary>One port's session: since when it has kept drawing power, and its alert cycle.</summary>
internal struct PortSession
{
    public long DrawingSinceTicks;
    public bool Drawing;
    public AlertCycle Cycle;
}

/// <summary>The sessions of a charger's ports.</summary>
internal sealed class OverchargeState
{
    public PortTable<PortSession> Ports { get; } = new();
}
