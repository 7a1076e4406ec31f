using System.ComponentModel.DataAnnotations;

namespace ChargeWatch.Core.Rules.ThermalRise;

/// <summary>Options of <c>thermal.rise</c> (contract §4).</summary>
public sealed class ThermalRiseOptions : RuleOptions
{
    /// <summary>A rise of at least this much…</summary>
    [Range(0.1, 300)]
    public double RiseC { get; set; } = 5;

    /// <summary>…within this window fires.</summary>
    [Range(1, 3600)]
    public double WindowSeconds { get; set; } = 60;

    /// <summary>The alert resolves after this long without such a rise.</summary>
    [Range(0, 86_400)]
    public double QuietSeconds { get; set; } = 300;
}
