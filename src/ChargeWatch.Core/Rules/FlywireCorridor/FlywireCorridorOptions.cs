using System.ComponentModel.DataAnnotations;

namespace ChargeWatch.Core.Rules.FlywireCorridor;

/// <summary>Options of <c>flywire.corridor</c> (contract §4).</summary>
public sealed class FlywireCorridorOptions : RuleOptions
{
    /// <summary>A sustained addition of at least this over the learned baseline…</summary>
    [Range(1, 100_000)]
    public double AddedWatts { get; set; } = 60;

    /// <summary>…held this long fires.</summary>
    public TimeSpan SustainFor { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Below this over the baseline the load counts as gone (a charger's float or standby is gone).</summary>
    [Range(0, 100_000)]
    public double GoneWatts { get; set; } = 30;

    /// <summary>Contract §4: resolves when the load has been gone this long.</summary>
    public TimeSpan ResolveAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Floor window that hides motion-triggered stair lights (on 1–3 min per passer-by).</summary>
    public TimeSpan FloorWindow { get; set; } = TimeSpan.FromMinutes(4);

    /// <summary>How fast the baseline follows the lighting upwards while nothing is elevated.</summary>
    public TimeSpan BaselineTimeConstant { get; set; } = TimeSpan.FromMinutes(30);
}
