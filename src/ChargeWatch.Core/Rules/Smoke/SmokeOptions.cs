using System.ComponentModel.DataAnnotations;

namespace ChargeWatch.Core.Rules.Smoke;

/// <summary>Options of <c>smoke</c> (contract §4).</summary>
public sealed class SmokeOptions : RuleOptions
{
    /// <summary>The alert resolves once the sensor has reported no smoke this long.</summary>
    [Range(0, 86_400)]
    public double ClearSeconds { get; set; } = 60;
}
