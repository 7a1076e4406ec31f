namespace ChargeWatch.Simulator.Physics.Circuits;

/// <summary>
/// Supply voltage at a building: nominal 220–230 V, sagging a few volts in the evening peak,
/// slow random wander, and a small drop with the circuit's own current (line impedance).
/// </summary>
public sealed class GridVoltage(SimRandom random, ModelClock clock)
{
    private readonly double _nominal = random.Uniform(220, 232);
    private readonly double _lineOhms = random.Uniform(0.1, 0.4);
    private readonly ulong _seed = random.NextUInt64();

    public double At(double seconds, double circuitAmps)
    {
        var hour = clock.LocalHourAt(seconds);
        // Evening peak 19:00–22:00 sags the feeder.
        var sag = 4 * Math.Exp(-Math.Pow((hour - 20.5) / 1.8, 2));
        var wander = 1.2 * SimRandom.HashNormal(_seed, (long)Math.Floor(seconds / 300));
        return _nominal - sag + wander - (_lineOhms * circuitAmps);
    }
}
