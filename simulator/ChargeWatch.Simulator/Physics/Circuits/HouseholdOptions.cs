using ChargeWatch.Simulator.Physics.Chargers;

namespace ChargeWatch.Simulator.Physics.Circuits;

/// <summary>What kind of household night to draw. Null values are drawn from the seed.</summary>
public sealed record HouseholdOptions
{
    /// <summary>Start of the night in the site's local time (with its offset). Default 2026-07-08 17:00 +08:00.</summary>
    public DateTimeOffset Start { get; init; } = new(2026, 7, 8, 17, 0, 0, TimeSpan.FromHours(8));

    public TimeSpan Duration { get; init; } = TimeSpan.FromHours(16);

    /// <summary>
    /// Another day of the household the seed draws: the same appliances, of the same sizes, on the
    /// same meter, used at other times (and an e-bike charge or not) as this seed draws them. Null: the
    /// seed's own night.
    /// </summary>
    public long? DaySeed { get; init; }

    /// <summary>
    /// Whether the household also uses its appliances from 09:00 until the duration ends (a whole day's
    /// <see cref="Duration"/> before the next evening): each of the evening's appliances again or not,
    /// the kettle and the laptop always. False: the day draws only the refrigerator and standby.
    /// </summary>
    public bool DaytimeUse { get; init; }

    public MeterOptions Meter { get; init; } = new();

    /// <summary>True/false forces an e-bike charge; null draws one with <see cref="EbikeProbability"/>.</summary>
    public bool? EbikeCharge { get; init; }

    public double EbikeProbability { get; init; } = 1.0 / 3;

    /// <summary>Local time of day the charge starts; null draws an evening (or occasionally midnight) start.</summary>
    public TimeSpan? ChargeStart { get; init; }

    public ChargerProfileOptions Charger { get; init; } = new();

    /// <summary>Summer gives air conditioners, winter heaters; both with thermostat cycling.</summary>
    public Season Season { get; init; } = Season.Summer;

    /// <summary>Probability of each optional appliance being used that night.</summary>
    public double ClimateProbability { get; init; } = 0.6;

    public double TelevisionProbability { get; init; } = 0.8;

    public double RiceCookerProbability { get; init; } = 0.7;

    public double WashingMachineProbability { get; init; } = 0.35;
}

public enum Season : byte
{
    Summer,
    Winter,
}
