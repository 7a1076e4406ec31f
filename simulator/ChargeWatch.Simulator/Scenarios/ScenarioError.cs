namespace ChargeWatch.Simulator.Scenarios;

/// <summary>A problem in a scenario file: where (file, line) and what.</summary>
public sealed record ScenarioError(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}
