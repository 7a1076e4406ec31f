using System.ComponentModel.DataAnnotations;

namespace ChargeWatch.Core.Rules.Offline;

/// <summary>Options of <c>offline</c> (contract §4).</summary>
public sealed class OfflineOptions : RuleOptions
{
    /// <summary>Silence of this many usual intervals (of site event time) fires…</summary>
    [Range(1.5, 1000)]
    public double IntervalMultiple { get; set; } = 3;

    /// <summary>…but never less than this.</summary>
    [Range(1, 604_800)]
    public double MinimumSeconds { get; set; } = 180;
}
