using System.ComponentModel;
using ChargeWatch.Simulator.Mqtt;
using ChargeWatch.Simulator.Recording;
using ChargeWatch.Simulator.Running;
using Spectre.Console.Cli;

namespace ChargeWatch.Simulator.Cli;

/// <summary><c>replay &lt;file&gt;</c>: publishes a recording in its order, paced by arrival times at any speed.</summary>
public sealed class ReplayCommand : AsyncCommand<ReplayCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<file>")]
        public string File { get; init; } = "";

        [CommandOption("--broker")]
        public string Broker { get; init; } = "localhost:1883";

        [CommandOption("--speed")]
        [Description("1 = as recorded, N = N times faster, max = as fast as possible")]
        public string Speed { get; init; } = "1";

        [CommandOption("--shift-to-now")]
        [Description("Moves every telemetry ts so that the first event time becomes now")]
        public bool ShiftToNow { get; init; }

        [CommandOption("--include-alerts")]
        [Description("Also republish recorded alert messages (left out by default: the worker makes its own)")]
        public bool IncludeAlerts { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var shift = settings.ShiftToNow ? Replayer.ShiftToNow(RecordReader.Read(settings.File), TimeProvider.System.GetLocalNow()) : TimeSpan.Zero;
        await using var link = await MqttLink.ConnectAsync(BrokerAddress.Parse(settings.Broker), $"chargewatch-replay-{Environment.ProcessId}", cancellationToken: cancellationToken);
        await Replayer.ReplayAsync(RecordReader.Read(settings.File), link, new Pacer(Pacer.ParseSpeed(settings.Speed), TimeProvider.System),
            ProgressReporter.ForConsole(TimeProvider.System), shift, settings.IncludeAlerts, cancellationToken);
        return 0;
    }
}
