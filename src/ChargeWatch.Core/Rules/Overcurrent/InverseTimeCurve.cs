namespace ChargeWatch.Core.Rules.Overcurrent;

/// <summary>The IEC 60255 standard-inverse curve: t = 0.14·TMS / ((I/Ir)^0.02 − 1).</summary>
public static class InverseTimeCurve
{
    /// <summary>Trip time in seconds at <paramref name="multiple"/> = I/Ir (> 1); infinite at or below 1.</summary>
    public static double TripSeconds(double multiple, double timeMultiplier = 1.0) =>
        multiple <= 1.0 ? double.PositiveInfinity : 0.14 * timeMultiplier / (Math.Pow(multiple, 0.02) - 1.0);
}
