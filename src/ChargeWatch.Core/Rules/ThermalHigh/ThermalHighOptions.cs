using System.ComponentModel.DataAnnotations;

namespace ChargeWatch.Core.Rules.ThermalHigh;

/// <summary>Options of <c>thermal.high</c> (contract §4).</summary>
public sealed class ThermalHighOptions : RuleOptions
{
    [Range(-50, 300)]
    public double WarningC { get; set; } = 60;

    [Range(-50, 300)]
    public double CriticalC { get; set; } = 75;

    /// <summary>The alert resolves once the temperature has stayed this far below the warning limit…</summary>
    [Range(0, 100)]
    public double ClearMarginC { get; set; } = 5;

    /// <summary>…for this long.</summary>
    [Range(0, 86_400)]
    public double ClearSeconds { get; set; } = 60;

    public override IEnumerable<string> Validate()
    {
        if (CriticalC < WarningC)
        {
            yield return $"CriticalC ({CriticalC}) must not be below WarningC ({WarningC})";
        }
    }
}
