using System.ComponentModel.DataAnnotations;

namespace ChargeWatch.Core.Rules.OvercurrentInstant;

/// <summary>Options of <c>overcurrent.instant</c> (contract §4); rated currents come from <c>Rated</c>.</summary>
public sealed class OvercurrentInstantOptions : RuleOptions
{
    /// <summary>A single reading at or above this multiple of rated trips (a short circuit).</summary>
    [Range(1.01, 1000)]
    public double Multiple { get; set; } = 5.0;

    /// <summary>The alert resolves once the current has stayed at or below rated this long.</summary>
    [Range(0, 86_400)]
    public double ClearSeconds { get; set; } = 60;
}
