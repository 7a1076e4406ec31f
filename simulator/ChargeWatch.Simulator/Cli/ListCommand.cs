using System.ComponentModel;
using ChargeWatch.Simulator.Scenarios;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ChargeWatch.Simulator.Cli;

/// <summary><c>list</c>: the shipped scenarios with their size and description.</summary>
public sealed class ListCommand : Command<ListCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--dir")]
        [Description("Scenario folder (default: simulator/scenarios)")]
        public string? Directory { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var dir = settings.Directory ?? ScenarioLoader.FindScenarioDirectory();
        if (dir is null || !System.IO.Directory.Exists(dir))
        {
            Console.Error.WriteLine("No scenario folder found (looked for simulator/scenarios upwards from here).");
            return 2;
        }
        var table = new Table().AddColumns("scenario", "devices", "events", "expected alerts", "description");
        foreach (var path in System.IO.Directory.EnumerateFiles(dir, "*" + ScenarioLoader.Extension).Order(StringComparer.Ordinal))
        {
            var (scenario, errors) = ScenarioLoader.Load(path);
            table.AddRow(
                Markup.Escape(Path.GetFileNameWithoutExtension(path)),
                scenario?.DeviceKinds.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-",
                scenario?.Events.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-",
                scenario?.Expected.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-",
                Markup.Escape(scenario?.File.Description ?? $"INVALID: {errors.Count} error(s), run validate"));
        }
        AnsiConsole.Write(table);
        return 0;
    }
}
