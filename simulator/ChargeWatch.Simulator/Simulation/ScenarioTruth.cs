using System.Text.Json;
using System.Text.Json.Serialization;
using ChargeWatch.Simulator.Physics.Circuits;
using ChargeWatch.Simulator.Scenarios;
using static ChargeWatch.Simulator.Scenarios.EventTypes;

namespace ChargeWatch.Simulator.Simulation;

/// <summary>
/// What a run injected and which alerts it therefore expects: written by <c>run --truth</c>, read
/// by <c>score</c>. Times are absolute event times.
/// </summary>
public sealed record ScenarioTruth
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        // Payloads stay readable (and greppable) in the file: no \u0022 for every quote.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public required string Scenario { get; init; }

    public required string Site { get; init; }

    public required long Seed { get; init; }

    public required DateTimeOffset Start { get; init; }

    public required DateTimeOffset End { get; init; }

    public required IReadOnlyList<TruthEvent> Events { get; init; }

    public required IReadOnlyList<TruthExpectation> Expected { get; init; }

    public static ScenarioTruth From(Scenario scenario, long seed, IEnumerable<(string Device, CircuitRole Role, ChargeTruth Charge)> meterCharges)
    {
        // Scripted charges are listed below with their physics (taper start, charge end).
        var events = scenario.Events
            .Where(e => e.Type is not (HouseholdCharge or CorridorCharge))
            .Select(e => new TruthEvent(e.Type, e.Device, e.Port, scenario.Local(scenario.Start + e.At),
                scenario.Local(scenario.Start + e.At + e.Duration)))
            .ToList();
        var expected = scenario.Expected
            .Select(x => new TruthExpectation(x.Rule, x.Device, x.Port, scenario.Local(scenario.Start + x.From), scenario.Local(scenario.Start + x.To), x.Optional))
            .ToList();
        var scripted = scenario.Events.Where(e => e.Type is HouseholdCharge or CorridorCharge).Select(e => e.Device).ToHashSet(StringComparer.Ordinal);
        foreach (var (device, role, charge) in meterCharges)
        {
            events.Add(new TruthEvent(role == CircuitRole.Corridor ? CorridorCharge : HouseholdCharge, device, null, charge.Start, charge.Unplugged)
            {
                TaperStart = charge.TaperStart,
                ChargeEnd = charge.End,
                PlateauWatts = Math.Round(charge.Charger.PlateauWatts, 1),
                PowerFactor = Math.Round(charge.Charger.PowerFactor, 2),
                Chemistry = charge.Charger.Chemistry.ToString(),
            });
            // Charges drawn at random (not scripted) carry their expectation with them.
            if (!scripted.Contains(device) && role == CircuitRole.Household)
            {
                expected.Add(new TruthExpectation("flywire.household", device, null, charge.Start, charge.Unplugged));
            }
        }
        return new ScenarioTruth
        {
            Scenario = scenario.Name, Site = scenario.Site, Seed = seed,
            Start = scenario.Start, End = scenario.Local(scenario.Start + scenario.Duration),
            Events = events, Expected = expected,
        };
    }

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public static ScenarioTruth FromJson(string json) =>
        JsonSerializer.Deserialize<ScenarioTruth>(json, JsonOptions) ?? throw new JsonException("empty truth file");
}

public sealed record TruthEvent(string Type, string? Device, int? Port, DateTimeOffset Start, DateTimeOffset End)
{
    public DateTimeOffset? TaperStart { get; init; }

    public DateTimeOffset? ChargeEnd { get; init; }

    public double? PlateauWatts { get; init; }

    public double? PowerFactor { get; init; }

    public string? Chemistry { get; init; }
}

public sealed record TruthExpectation(
    string Rule, string Device, int? Port, DateTimeOffset From, DateTimeOffset To,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Optional = false);
