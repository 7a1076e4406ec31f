namespace ChargeWatch.Simulator.Physics;

/// <summary>
/// Power drawn by a load at one instant: real power and reactive (plus distortion) power, so that
/// loads add up and a meter's power factor comes out as P / √(P² + Q²). <see cref="DistortionVars"/>
/// is the part of <see cref="Vars"/> that comes from harmonics rather than a phase shift: a
/// capacitor-input power supply (a charger, a laptop, an LED lamp) draws peaky current nearly in
/// phase with the voltage, so its true power factor is low while its displacement power factor,
/// cos φ of the fundamental, is near 1. Meters that report cos φ see only the rest.
/// </summary>
public readonly record struct LoadPower(double Watts, double Vars)
{
    public static LoadPower Zero => default;

    /// <summary>cos φ of a capacitor-input power supply's fundamental current: nearly in phase.</summary>
    public const double SwitchModeDisplacementPowerFactor = 0.97;

    /// <summary>The harmonic part of <see cref="Vars"/>; 0 for motors and resistors.</summary>
    public double DistortionVars { get; init; }

    public static LoadPower FromPowerFactor(double watts, double powerFactor)
    {
        if (watts <= 0 || powerFactor >= 1)
        {
            return new LoadPower(Math.Max(watts, 0), 0);
        }
        var pf = Math.Max(powerFactor, 0.05);
        return new LoadPower(watts, watts * Math.Sqrt((1 / (pf * pf)) - 1));
    }

    /// <summary>The same load with its phase shift set to <paramref name="displacementPowerFactor"/> (cos φ) and the rest of its non-active power harmonic.</summary>
    public LoadPower WithDisplacementPowerFactor(double displacementPowerFactor)
    {
        var shifted = FromPowerFactor(Watts, displacementPowerFactor).Vars;
        return this with { DistortionVars = Math.Max(0, Vars - shifted) };
    }

    public double VoltAmps => Math.Sqrt((Watts * Watts) + (Vars * Vars));

    /// <summary>1.0 for no load, as meters report it.</summary>
    public double PowerFactor => VoltAmps > 1e-9 ? Watts / VoltAmps : 1.0;

    /// <summary>cos φ of the fundamental, as a meter that reports displacement power factor sees it; 1.0 for no load.</summary>
    public double DisplacementPowerFactor
    {
        get
        {
            var shifted = Vars - DistortionVars;
            var apparent = Math.Sqrt((Watts * Watts) + (shifted * shifted));
            return apparent > 1e-9 ? Watts / apparent : 1.0;
        }
    }

    public double AmpsAt(double volts) => VoltAmps / volts;

    public static LoadPower operator +(LoadPower a, LoadPower b) =>
        new(a.Watts + b.Watts, a.Vars + b.Vars) { DistortionVars = a.DistortionVars + b.DistortionVars };

    public static LoadPower operator *(LoadPower a, double k) =>
        new(a.Watts * k, a.Vars * k) { DistortionVars = a.DistortionVars * k };

    public LoadPower Add(LoadPower other) => this + other;

    public LoadPower Multiply(double k) => this * k;
}
