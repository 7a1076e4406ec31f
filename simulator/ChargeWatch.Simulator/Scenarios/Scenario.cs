namespace ChargeWatch.Simulator.Scenarios;

/// <summary>A validated scenario with its times resolved.</summary>
public sealed class Scenario
{
    public required ScenarioFile File { get; init; }

    public string Name => File.Name;

    public string Site => File.Site;

    /// <summary>Start in the scenario's time zone (with the zone's offset at that instant).</summary>
    public required DateTimeOffset Start { get; init; }

    public required TimeZoneInfo Zone { get; init; }

    public required TimeSpan Duration { get; init; }

    public long Seed => File.Seed;

    public required IReadOnlyDictionary<string, string> DeviceKinds { get; init; }

    public required IReadOnlyList<InjectedEvent> Events { get; init; }

    public required IReadOnlyList<ExpectedAlert> Expected { get; init; }

    /// <summary>Event time in the scenario's zone (its offset, DST-aware).</summary>
    public DateTimeOffset Local(DateTimeOffset time) => TimeZoneInfo.ConvertTime(time, Zone);
}

/// <summary>An incident at <see cref="At"/> after the start, lasting <see cref="Duration"/>.</summary>
public sealed record InjectedEvent(string Type, TimeSpan At, TimeSpan Duration, string? Device, int? Port, EventSpec Spec);

/// <summary>An alert expected to start within [From, To] after the scenario start.</summary>
public sealed record ExpectedAlert(string Rule, string Device, int? Port, TimeSpan From, TimeSpan To, bool Optional = false);
