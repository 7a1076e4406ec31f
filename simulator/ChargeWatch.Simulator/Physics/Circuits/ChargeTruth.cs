using ChargeWatch.Simulator.Physics.Chargers;

namespace ChargeWatch.Simulator.Physics.Circuits;

/// <summary>
/// Ground truth of one e-bike charge on a circuit: when it started (the step), when the taper
/// started, when the charge ended (power reached float/standby, or the owner unplugged first), and
/// when it was unplugged. This is what a fly-wire detection is scored against.
/// </summary>
public sealed record ChargeTruth(
    DateTimeOffset Start,
    DateTimeOffset TaperStart,
    DateTimeOffset End,
    DateTimeOffset Unplugged,
    ChargerProfile Charger)
{
    /// <summary>True when the owner unplugged before the taper began (no taper to see).</summary>
    public bool TaperObserved => Unplugged > TaperStart;
}
