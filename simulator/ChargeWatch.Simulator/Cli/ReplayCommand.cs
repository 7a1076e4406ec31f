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
        var lines = RecordReader.Read(settings.File);
        var first = RecordReader.Read(settings.File).FirstOrDefault(l => l.EventTime is not null);
        var shift = settings.ShiftToNow && first?.EventTime is { } t0 ? TimeProvider.System.GetUtcNow() - t0 : TimeSpan.Zero;
        var pacer = new Pacer(Pacer.ParseSpeed(settings.Speed), TimeProvider.System);
        var progress = ProgressReporter.ForConsole(TimeProvider.System);
        await using var link = await MqttLink.ConnectAsync(BrokerAddress.Parse(settings.Broker), $"chargewatch-replay-{Environment.ProcessId}", cancellationToken: cancellationToken);
        DateTimeOffset? origin = null;
        DateTimeOffset? last = null;
        foreach (var line in lines)
        {
            if (!settings.IncludeAlerts && line.Topic.Contains("/alerts/", StringComparison.Ordinal))
            {
                continue;
            }
            origin ??= line.Arrival;
            await pacer.WaitForAsync((line.Arrival - origin.Value).TotalSeconds, cancellationToken);
            var payload = line.PayloadBytes();
            if (shift != TimeSpan.Zero && line.EventTime is not null)
            {
                payload = TimestampShifter.Shift(payload, shift);
            }
            await link.PublishAsync(line.Topic, payload, line.Retain, cancellationToken);
            last = (line.EventTime ?? line.Arrival) + shift;
            progress.Sent1(last.Value);
        }
        await link.FlushAsync();
        progress.Done(last);
        return 0;
    }
}
