namespace ChargeWatch.Core.Rules.FlywireHousehold;

/// <summary>Which power factor a household meter's <c>pf</c> is (<see cref="HouseholdSignatureOptions.ReportedPowerFactor"/>).</summary>
public enum ReportedPowerFactorKind
{
    /// <summary>Told apart per meter from its readings (<see cref="DisplacementPowerFactorCheck"/>); the true one until then.</summary>
    Auto,

    /// <summary>The true power factor, w / (v·a), as metering chips that divide real by apparent power give it.</summary>
    True,

    /// <summary>The displacement power factor, cos φ of the fundamental: ignored, as if the meter gave no pf.</summary>
    Displacement,
}
