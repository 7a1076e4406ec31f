using System.ComponentModel.DataAnnotations;

namespace ChargeWatch.Core.Rules.FlywireTap;

/// <summary>Options of <c>flywire.tap</c> (contract §4): a feeder compared with its shed's charger ports.</summary>
public sealed class FlywireTapOptions : RuleOptions
{
    /// <summary>What the shed's own loads (lights, the piles' electronics) may draw beyond the ports.</summary>
    [Range(0, 100_000)]
    public double AllowanceWatts { get; set; } = 50;

    /// <summary>The feeder drawing at least this beyond ports plus allowance…</summary>
    [Range(1, 100_000)]
    public double GapWatts { get; set; } = 100;

    /// <summary>…for this long fires.</summary>
    public TimeSpan SustainFor { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Resolves when the gap has stayed below <see cref="GapWatts"/> this long.</summary>
    public TimeSpan ClearFor { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// A pile whose newest reading is further than this from the feeder's reading is stale, and the
    /// shed's balance is unknown. Zero: the pile's own gap limit (3× its usual interval, at least 180 s
    /// before one is learned).
    /// </summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.Zero;

    /// <summary>Volts assumed for currents reported without a voltage.</summary>
    [Range(1, 1000)]
    public double NominalVolts { get; set; } = 220;

    public override IEnumerable<string> Validate()
    {
        if (SustainFor < TimeSpan.Zero || ClearFor < TimeSpan.Zero || StaleAfter < TimeSpan.Zero)
        {
            yield return "SustainFor, ClearFor and StaleAfter must not be negative";
        }
    }
}
