namespace ChargeWatch.Simulator.Physics;

/// <summary>
/// Power drawn by a load at one instant: real power and reactive (plus distortion) power, so that
/// loads add up and a meter's power factor comes out as P / √(P² + Q²).
/// </summary>
public readonly record struct LoadPower(double Watts, double Vars)
{
    public static LoadPower Zero => default;

    public static LoadPower FromPowerFactor(double watts, double powerFactor)
    {
        if (watts <= 0 || powerFactor >= 1)
        {
            return new LoadPower(Math.Max(watts, 0), 0);
        }
        var pf = Math.Max(powerFactor, 0.05);
        return new LoadPower(watts, watts * Math.Sqrt((1 / (pf * pf)) - 1));
    }

    public double VoltAmps => Math.Sqrt((Watts * Watts) + (Vars * Vars));

    /// <summary>1.0 for no load, as meters report it.</summary>
    public double PowerFactor => VoltAmps > 1e-9 ? Watts / VoltAmps : 1.0;

    public double AmpsAt(double volts) => VoltAmps / volts;

    public static LoadPower operator +(LoadPower a, LoadPower b) => new(a.Watts + b.Watts, a.Vars + b.Vars);

    public static LoadPower operator *(LoadPower a, double k) => new(a.Watts * k, a.Vars * k);

    public LoadPower Add(LoadPower other) => this + other;

    public LoadPower Multiply(double k) => this * k;
}
