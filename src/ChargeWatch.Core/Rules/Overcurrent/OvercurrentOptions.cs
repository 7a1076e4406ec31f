using System.ComponentModel.DataAnnotations;

namespace ChargeWatch.Core.Rules.Overcurrent;

/// <summary>Options of <c>overcurrent</c> (contract §4); rated currents come from <c>Rated</c>.</summary>
public sealed class OvercurrentOptions : RuleOptions
{
    /// <summary>Time multiplier setting of the IEC 60255 standard-inverse curve.</summary>
    [Range(0.01, 100)]
    public double TimeMultiplier { get; set; } = 1.0;

    /// <summary>The alert resolves once the current has stayed at or below rated this long.</summary>
    [Range(0, 86_400)]
    public double ClearSeconds { get; set; } = 60;
}
