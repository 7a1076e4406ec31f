using ChargeWatch.Core.Rules.Common;

namespace ChargeWatch.Core.Rules.ThermalRise;

/// <summary>One temperature's window and alert cycle.</summary>
internal struct RiseTrack
{
    public RiseWindow? Window;
    public AlertCycle Cycle;
}

/// <summary>A device's temperatures: per port, and the cabinet's or sensor's own.</summary>
internal sealed class ThermalRiseState
{
    public PortTable<RiseTrack> Ports { get; } = new();

    public RiseTrack Whole;
}
