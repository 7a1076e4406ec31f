using System.ComponentModel.DataAnnotations;

namespace ChargeWatch.Core.Rules.Leakage;

/// <summary>Options of <c>leakage</c> (contract §4): a feeder's residual current.</summary>
public sealed class LeakageOptions : RuleOptions
{
    [Range(0.1, 10_000)]
    public double WarningMa { get; set; } = 15;

    [Range(0.1, 10_000)]
    public double CriticalMa { get; set; } = 30;

    /// <summary>The alert resolves once the residual current has stayed below this…</summary>
    [Range(0, 10_000)]
    public double ClearBelowMa { get; set; } = 10;

    /// <summary>…for this long.</summary>
    [Range(0, 86_400)]
    public double ClearSeconds { get; set; } = 60;

    public override IEnumerable<string> Validate()
    {
        if (CriticalMa < WarningMa)
        {
            yield return $"CriticalMa ({CriticalMa}) must not be below WarningMa ({WarningMa})";
        }
        if (ClearBelowMa > WarningMa)
        {
            yield return $"ClearBelowMa ({ClearBelowMa}) must not be above WarningMa ({WarningMa})";
        }
    }
}
