using System.ComponentModel;
using ChargeWatch.Simulator.Scenarios;
using Spectre.Console.Cli;

namespace ChargeWatch.Simulator.Cli;

/// <summary><c>validate [files…]</c>: checks scenario files, printing <c>file:line: what</c> for each problem.</summary>
public sealed class ValidateCommand : Command<ValidateCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "[scenarios]")]
        [Description("Scenario names or files (default: every shipped scenario)")]
        public string[] Scenarios { get; init; } = [];
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var paths = settings.Scenarios.Length > 0
            ? settings.Scenarios.Select(ScenarioLoader.Resolve).ToList()
            : ScenarioLoader.FindScenarioDirectory() is { } dir
                ? [.. Directory.EnumerateFiles(dir, "*" + ScenarioLoader.Extension).Order(StringComparer.Ordinal)]
                : [];
        if (paths.Count == 0)
        {
            Console.Error.WriteLine("No scenarios to validate.");
            return 2;
        }
        var failed = 0;
        foreach (var path in paths)
        {
            var (_, errors) = ScenarioLoader.Load(path);
            if (errors.Count == 0)
            {
                Console.WriteLine($"ok {path}");
                continue;
            }
            failed++;
            foreach (var error in errors)
            {
                Console.Error.WriteLine(error.ToString());
            }
        }
        return failed == 0 ? 0 : 1;
    }
}
