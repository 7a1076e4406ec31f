using ChargeWatch.Simulator.Scenarios;

namespace ChargeWatch.Simulator.Tests;

internal static class TestScenarios
{
    public static string Directory => ScenarioLoader.FindScenarioDirectory(AppContext.BaseDirectory)
        ?? ScenarioLoader.FindScenarioDirectory()
        ?? throw new DirectoryNotFoundException("simulator/scenarios not found above the test binary or the working directory");

    public static Scenario Shipped(string name)
    {
        var (scenario, errors) = ScenarioLoader.Load(Path.Combine(Directory, name + ScenarioLoader.Extension));
        return scenario ?? throw new InvalidOperationException(string.Join("\n", errors));
    }

    /// <summary>A small shed and building; <paramref name="events"/> and <paramref name="expect"/> are YAML list items.</summary>
    public static Scenario Small(string duration = "2h", string events = "[]", string expect = "[]", string start = "2026-07-08T20:00")
    {
        var yaml = $$"""
            name: small
            site: test-1
            start: {{start}}
            duration: {{duration}}
            seed: 5
            sheds:
              - { id: shed-a, piles: 1, ports: 10, interval: 10s, occupancy: 0.7, feederInterval: 10s, sensors: 1, sensorInterval: 30s }
            buildings:
              - { id: "6", households: 3, corridors: 1, interval: 30s, pfShare: 0.5 }
            events: {{events}}
            expect: {{expect}}
            """;
        var (scenario, errors) = ScenarioLoader.Parse(yaml, "small.yaml");
        return scenario ?? throw new InvalidOperationException(string.Join("\n", errors));
    }
}
