using System.ComponentModel.DataAnnotations;

namespace ChargeWatch.Core.Rules.Overcharge;

/// <summary>Options of <c>overcharge</c> (contract §4).</summary>
public sealed class OverchargeOptions : RuleOptions
{
    /// <summary>A port drawing more than this…</summary>
    [Range(0, 100_000)]
    public double MinimumWatts { get; set; } = 20;

    /// <summary>…for longer than this in one session fires.</summary>
    [Range(0.01, 1000)]
    public double MaximumHours { get; set; } = 10;

    /// <summary>Estimates power as volts × amps for ports that report neither power nor voltage.</summary>
    [Range(1, 1000)]
    public double NominalVolts { get; set; } = 220;
}
