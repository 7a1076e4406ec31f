using System.ComponentModel;
using System.Globalization;
using System.Text;
using ChargeWatch.Core.Contract;
using ChargeWatch.Simulator.Mqtt;
using ChargeWatch.Simulator.Recording;
using ChargeWatch.Simulator.Scoring;
using ChargeWatch.Simulator.Simulation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ChargeWatch.Simulator.Cli;

/// <summary><c>score --truth F (--alerts F | --broker B --listen D)</c>: per-rule precision, recall and detection delay.</summary>
public sealed class ScoreCommand : AsyncCommand<ScoreCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--truth")]
        [Description("Truth file written by run --truth")]
        public string Truth { get; init; } = "";

        [CommandOption("--alerts")]
        [Description("Received alerts: a recording (record) or JSONL of alert messages")]
        public string? Alerts { get; init; }

        [CommandOption("--broker")]
        [Description("Listen to the live alert topic instead of a file")]
        public string? Broker { get; init; }

        [CommandOption("--listen")]
        [Description("How long to listen on the live topic (e.g. 10m)")]
        public string Listen { get; init; } = "1m";
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (!File.Exists(settings.Truth) || (settings.Alerts is null) == (settings.Broker is null))
        {
            await Console.Error.WriteLineAsync("score needs --truth FILE and either --alerts FILE or --broker HOST:PORT");
            return 2;
        }
        var truth = ScenarioTruth.FromJson(await File.ReadAllTextAsync(settings.Truth, cancellationToken));
        var alerts = settings.Alerts is not null ? ReadAlerts(settings.Alerts) : await ListenAsync(settings, truth.Site, cancellationToken);
        var scores = Scorer.Score(truth, alerts);
        if (Console.IsOutputRedirected)
        {
            // Spectre assumes 80 columns when redirected; the table is wider.
            AnsiConsole.Profile.Width = 160;
        }
        AnsiConsole.Write(ToTable(scores));
        return 0;
    }

    public static Table ToTable(IReadOnlyList<RuleScore> scores)
    {
        var table = new Table().AddColumns("rule", "expected", "detected", "missed", "false", "precision", "recall", "median delay", "p95 delay");
        foreach (var s in scores)
        {
            table.AddRow(s.Rule, (s.TruePositives + s.FalseNegatives).ToString(CultureInfo.InvariantCulture), s.TruePositives.ToString(CultureInfo.InvariantCulture),
                s.FalseNegatives.ToString(CultureInfo.InvariantCulture), s.FalsePositives.ToString(CultureInfo.InvariantCulture),
                Ratio(s.Precision), Ratio(s.Recall), Delay(s.MedianDelay), Delay(s.P95Delay));
        }
        return table;
    }

    public static List<ReceivedAlert> ReadAlerts(string path)
    {
        var alerts = new List<ReceivedAlert>();
        var firstLine = File.ReadLines(path).FirstOrDefault(l => !string.IsNullOrWhiteSpace(l)) ?? "";
        var isRecording = firstLine.Contains("\"arrival\"", StringComparison.Ordinal) || path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
        var payloads = isRecording
            ? RecordReader.Read(path).Where(l => l.Topic.Contains("/alerts/", StringComparison.Ordinal)).Select(l => l.PayloadBytes())
            : File.ReadLines(path).Where(l => !string.IsNullOrWhiteSpace(l)).Select(Encoding.UTF8.GetBytes);
        foreach (var payload in payloads)
        {
            if (ReceivedAlert.TryParse(payload, out var alert))
            {
                alerts.Add(alert!);
            }
        }
        return alerts;
    }

    private static async Task<List<ReceivedAlert>> ListenAsync(Settings settings, string site, CancellationToken cancellationToken)
    {
        var alerts = new List<ReceivedAlert>();
        _ = Scenarios.TimeText.TryParseDuration(settings.Listen, out var listen);
        await using var link = await MqttLink.ConnectAsync(BrokerAddress.Parse(settings.Broker!), $"chargewatch-score-{Environment.ProcessId}", cancellationToken: cancellationToken);
        link.Received += (_, payload, _) =>
        {
            if (ReceivedAlert.TryParse(System.Buffers.BuffersExtensions.ToArray(payload), out var alert))
            {
                lock (alerts)
                {
                    alerts.Add(alert!);
                }
            }
        };
        await link.SubscribeAsync($"{Topics.Root}/{site}/alerts/+", cancellationToken);
        Console.WriteLine($"listening for alerts of {site} for {listen}");
        await Task.Delay(listen, cancellationToken);
        lock (alerts)
        {
            return [.. alerts];
        }
    }

    private static string Ratio(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "-";

    private static string Delay(TimeSpan? value) => value is { } v ? v.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture) : "-";
}
