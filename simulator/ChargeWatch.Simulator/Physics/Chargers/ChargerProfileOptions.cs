namespace ChargeWatch.Simulator.Physics.Chargers;

/// <summary>Fixes some of a sampled charger's properties; null draws them from the market mix.</summary>
public sealed record ChargerProfileOptions
{
    public BatteryChemistry? Chemistry { get; init; }

    /// <summary>Share of lithium packs when <see cref="Chemistry"/> is not fixed.</summary>
    public double LithiumShare { get; init; } = 0.45;

    public int? PackVolts { get; init; }

    public double? PlateauWatts { get; init; }

    public TimeSpan? PlateauDuration { get; init; }

    public TimeSpan? TaperDuration { get; init; }

    /// <summary>A faulty charger that never stops sets this above 20 W.</summary>
    public double? FloatWatts { get; init; }

    public double? PowerFactor { get; init; }
}
