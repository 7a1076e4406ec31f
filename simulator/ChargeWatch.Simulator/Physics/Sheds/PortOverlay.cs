namespace ChargeWatch.Simulator.Physics.Sheds;

/// <summary>What an injected incident does to a port over [Start, End).</summary>
public enum PortOverlayKind : byte
{
    /// <summary>The port carries <see cref="PortOverlay.Value"/> amperes (a faulty charger or a short to a frame).</summary>
    Overcurrent,
    /// <summary>One reading of <see cref="PortOverlay.Value"/> amperes, then the port's breaker trips: fault, 0 A.</summary>
    ShortCircuit,
    /// <summary>Socket temperature climbs <see cref="PortOverlay.Value"/> °C per minute (cell venting, thermal runaway).</summary>
    ThermalRunaway,
}

public sealed record PortOverlay(PortOverlayKind Kind, double Start, double End, double Value);
