using ChargeWatch.Simulator.Scenarios;

namespace ChargeWatch.FlywireEvaluation;

/// <summary>A scenario named on the command line (<c>demo</c>) or by its file.</summary>
internal static class ScenarioFile
{
    /// <summary>The scenario, or null with its errors written to <paramref name="output"/>.</summary>
    public static Scenario? Load(string scenario, TextWriter output)
    {
        var (loaded, errors) = ScenarioLoader.Load(ScenarioLoader.Resolve(scenario));
        if (loaded is null)
        {
            output.WriteLine(string.Join(Environment.NewLine, errors));
        }
        return loaded;
    }
}
