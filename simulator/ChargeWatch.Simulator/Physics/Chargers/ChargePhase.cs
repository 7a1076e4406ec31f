namespace ChargeWatch.Simulator.Physics.Chargers;

public enum ChargePhase : byte
{
    NotStarted,
    /// <summary>Constant current: the plateau.</summary>
    Plateau,
    /// <summary>Constant voltage: the taper.</summary>
    Taper,
    /// <summary>Float charge or standby after the cut-off.</summary>
    Done,
}
