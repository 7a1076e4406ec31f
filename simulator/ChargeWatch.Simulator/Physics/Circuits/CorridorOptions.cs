using ChargeWatch.Simulator.Physics.Chargers;

namespace ChargeWatch.Simulator.Physics.Circuits;

/// <summary>A corridor (stairwell, public area) circuit: lighting only, optionally a charger plugged in.</summary>
public sealed record CorridorOptions
{
    public DateTimeOffset Start { get; init; } = new(2026, 7, 8, 17, 0, 0, TimeSpan.FromHours(8));

    public TimeSpan Duration { get; init; } = TimeSpan.FromHours(16);

    public MeterOptions Meter { get; init; } = new() { ReportsPowerFactor = false };

    public bool EbikeCharge { get; init; }

    public TimeSpan? ChargeStart { get; init; }

    public ChargerProfileOptions Charger { get; init; } = new();
}
