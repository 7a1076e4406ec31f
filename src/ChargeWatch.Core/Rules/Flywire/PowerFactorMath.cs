namespace ChargeWatch.Core.Rules.Flywire;

/// <summary>
/// The power factor of an added load, from the whole meter's readings before and after it: real and
/// reactive powers add across appliances, so the difference of the two operating points is the
/// added load's own operating point.
/// </summary>
public static class PowerFactorMath
{
    /// <summary>Apparent power of a reading (VA), or null without a usable power factor.</summary>
    public static double? VoltAmps(double watts, double? powerFactor) =>
        powerFactor is { } pf && pf > 0.05 && pf <= 1.0 ? watts / pf : null;

    /// <summary>Reactive power of a reading (var), or NaN without a usable power factor.</summary>
    public static double Vars(double watts, double? powerFactor) =>
        powerFactor is { } pf && pf > 0.05 && pf <= 1.0 ? watts * Math.Sqrt((1 / (pf * pf)) - 1) : double.NaN;

    /// <summary>
    /// The largest reactive power (var) a reading's two-decimal power factor allows, or NaN without one:
    /// a reading of pf 1.00 at 2 kW may still carry 200 var, so a floor of reactive power must not take it as 0.
    /// </summary>
    public static double VarsUpperBound(double watts, double? powerFactor) =>
        powerFactor is { } pf && pf > 0.05 && pf <= 1.0 ? Vars(watts, Math.Max(0.06, pf - 0.005)) : double.NaN;

    /// <summary>Power factor of the load that changed the meter from (p0, s0) to (p1, s1); null when too small to tell.</summary>
    public static double? OfAddedLoad(double p0, double s0, double p1, double s1)
    {
        var deltaP = p1 - p0;
        if (deltaP <= 1.0)
        {
            return null;
        }
        var deltaQ = Reactive(p1, s1) - Reactive(p0, s0);
        return deltaP / Math.Sqrt((deltaP * deltaP) + (deltaQ * deltaQ));
    }

    /// <summary>Power factor of a load of this real and reactive power; null when either is unknown or the load is nil.</summary>
    public static double? Of(double watts, double vars) =>
        watts > 0 && !double.IsNaN(vars) ? watts / Math.Sqrt((watts * watts) + (vars * vars)) : null;

    private static double Reactive(double p, double s) => s > p ? Math.Sqrt((s * s) - (p * p)) : 0.0;
}
