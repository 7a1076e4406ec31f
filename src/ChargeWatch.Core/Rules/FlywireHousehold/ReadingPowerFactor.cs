namespace ChargeWatch.Core.Rules.FlywireHousehold;

/// <summary>
/// A reading's power factor from what its meter reports. The true power factor, w / (v·a), carries
/// only the power reading's noise (a class-1 meter: a few tenths of a per cent) and the amps'
/// rounding to 0.01 A; a two-decimal <c>pf</c> carries its rounding and noise, which under a heater
/// leave a charger's reactive power uncertain by a hundred var. So w / (v·a) is preferred — unless
/// it disagrees with the reported pf beyond both errors: then the volts or amps are not this
/// circuit's (a clamp on another phase, a wrong scale) and the reported pf stands.
/// </summary>
public static class ReadingPowerFactor
{
    // Reported pf: rounding to 0.01 (σ 0.0029) and the meter's own noise.
    private const double ReportedError = 0.006;
    private const double RelativePowerError = 0.003;
    // Amps rounded to 0.01 A: σ 0.01 / √12.
    private const double AmpsRoundingError = 0.0029;
    private const double NominalVolts = 230;
    private const double DisagreementSigmas = 4;

    /// <summary>The reading's power factor, or null when neither source gives one.</summary>
    public static double? Of(double watts, double? reported, double? voltAmps)
    {
        if (Derived(watts, voltAmps) is not { } derived)
        {
            return reported;
        }
        if (reported is not { } pf)
        {
            return derived;
        }
        return Compare(derived, pf, voltAmps!.Value) == 0 ? derived : pf;
    }

    /// <summary>
    /// How the reported pf stands against w / (v·a): +1 above it beyond both errors, −1 below, 0 within
    /// them; null when the reading does not give both.
    /// </summary>
    public static int? Compare(double watts, double? reported, double? voltAmps) =>
        reported is { } pf && Derived(watts, voltAmps) is { } derived ? Compare(derived, pf, voltAmps!.Value) : null;

    private static double? Derived(double watts, double? voltAmps) =>
        // !(x >= 1) is true for NaN too: a reading the parser let through must not poison the floors.
        voltAmps is not { } apparent || !(apparent >= 1) || double.IsInfinity(apparent) || double.IsNaN(watts)
            ? null
            : Math.Clamp(watts / apparent, 0, 1);

    private static int Compare(double derived, double reported, double apparent)
    {
        var amps = apparent / NominalVolts;
        var derivedError = Math.Max(derived, 0.05) * Math.Sqrt((RelativePowerError * RelativePowerError) + Square(AmpsRoundingError / amps));
        var allowed = DisagreementSigmas * Math.Sqrt((ReportedError * ReportedError) + (derivedError * derivedError));
        var difference = reported - derived;
        return difference > allowed ? 1 : difference < -allowed ? -1 : 0;
    }

    private static double Square(double x) => x * x;
}
