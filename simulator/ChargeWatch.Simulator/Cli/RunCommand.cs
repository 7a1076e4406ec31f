using System.ComponentModel;
using ChargeWatch.Simulator.Mqtt;
using ChargeWatch.Simulator.Recording;
using ChargeWatch.Simulator.Running;
using ChargeWatch.Simulator.Scenarios;
using ChargeWatch.Simulator.Simulation;
using Spectre.Console.Cli;

namespace ChargeWatch.Simulator.Cli;

/// <summary><c>run &lt;scenario&gt;</c>: publishes a scenario to a broker, obeying cut/restore commands.</summary>
public sealed class RunCommand : AsyncCommand<RunCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<scenario>")]
        [Description("Scenario name (from simulator/scenarios) or path to a YAML file")]
        public string Scenario { get; init; } = "";

        [CommandOption("--broker")]
        [Description("MQTT broker host:port (default localhost:1883)")]
        public string Broker { get; init; } = "localhost:1883";

        [CommandOption("--speed")]
        [Description("1 = real time, N = N times faster, max = as fast as possible")]
        public string Speed { get; init; } = "1";

        [CommandOption("--seed")]
        [Description("Overrides the scenario's seed")]
        public long? Seed { get; init; }

        [CommandOption("--truth")]
        [Description("Writes the ground truth (injected events, expected alerts) to this JSON file")]
        public string? Truth { get; init; }

        [CommandOption("--out")]
        [Description("Also writes every message as JSONL to this file (.gz compresses)")]
        public string? Out { get; init; }

        [CommandOption("--dry-run")]
        [Description("Generate without a broker (use with --out or --truth)")]
        public bool DryRun { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var (scenario, errors) = ScenarioLoader.Load(ScenarioLoader.Resolve(settings.Scenario));
        if (scenario is null)
        {
            foreach (var error in errors)
            {
                await Console.Error.WriteLineAsync(error.ToString());
            }
            return 2;
        }
        var engine = new ScenarioEngine(scenario, settings.Seed);
        if (settings.Truth is not null)
        {
            await File.WriteAllTextAsync(settings.Truth, engine.Truth().ToJson(), cancellationToken);
        }
        var progress = ProgressReporter.ForConsole(TimeProvider.System);
        progress.Line($"scenario {scenario.Name}: {engine.DeviceCount} devices, seed {engine.Seed}, from {scenario.Start:yyyy-MM-dd HH:mm zzz} for {scenario.Duration}");
        await using var recorder = settings.Out is null ? null : RecordWriter.Create(settings.Out);
        await using var link = settings.DryRun ? null : await MqttLink.ConnectAsync(BrokerAddress.Parse(settings.Broker), $"chargewatch-sim-{Environment.ProcessId}", cancellationToken: cancellationToken);
        await LiveRun.RunAsync(engine, link, recorder, new Pacer(Pacer.ParseSpeed(settings.Speed), TimeProvider.System), progress, cancellationToken);
        return 0;
    }
}
