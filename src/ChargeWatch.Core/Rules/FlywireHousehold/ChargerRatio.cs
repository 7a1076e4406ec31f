namespace ChargeWatch.Core.Rules.FlywireHousehold;

/// <summary>Reactive power 0.9–2.1 times the real power: a power factor of 0.43–0.74, a cheap charger's.</summary>
internal static class ChargerRatio
{
    private const double Min = 0.9;
    private const double Max = 2.1;

    public static bool Holds(double watts, double vars) => vars >= Min * watts && vars <= Max * watts;

    /// <summary>The same, for reactive power known only to within <paramref name="uncertainty"/> (a step on top of a big appliance's two-decimal pf).</summary>
    public static bool MayHold(double watts, double vars, double uncertainty) =>
        vars + uncertainty >= Min * watts && vars - uncertainty <= Max * watts;
}
