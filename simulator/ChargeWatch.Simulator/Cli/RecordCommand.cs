using System.ComponentModel;
using System.Runtime.InteropServices;
using ChargeWatch.Core.Contract;
using ChargeWatch.Simulator.Mqtt;
using ChargeWatch.Simulator.Recording;
using Spectre.Console.Cli;

namespace ChargeWatch.Simulator.Cli;

/// <summary><c>record &lt;file&gt;</c>: captures topics and payloads from a broker with arrival and event times.</summary>
public sealed class RecordCommand : AsyncCommand<RecordCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<file>")]
        [Description("JSONL output; a name ending in .gz is gzip-compressed")]
        public string File { get; init; } = "";

        [CommandOption("--broker")]
        public string Broker { get; init; } = "localhost:1883";

        [CommandOption("--topic")]
        [Description("Topic filter (default chargewatch/#); repeatable")]
        public string[] Topics { get; init; } = [];

        [CommandOption("--duration")]
        [Description("Stop after this long (e.g. 10m); default: until Ctrl+C")]
        public string? Duration { get; init; }

        [CommandOption("--count")]
        [Description("Stop after this many messages")]
        public long? Count { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // Ctrl+C or SIGTERM end a recording normally: the file is flushed and closed.
        using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        if (settings.Duration is not null)
        {
            if (!Scenarios.TimeText.TryParseDuration(settings.Duration, out var duration))
            {
                await Console.Error.WriteLineAsync($"--duration '{settings.Duration}' is not a duration like 10m");
                return 2;
            }
            stop.CancelAfter(duration);
        }
        await using var writer = RecordWriter.Create(settings.File);
        await using var link = await MqttLink.ConnectAsync(BrokerAddress.Parse(settings.Broker), $"chargewatch-rec-{Environment.ProcessId}", cancellationToken: cancellationToken);
        var recorder = new Recorder(writer, TimeProvider.System);
        recorder.Recorded += count =>
        {
            if (settings.Count is { } max && count >= max)
            {
                stop.Cancel();
            }
        };
        recorder.Attach(link);
        foreach (var filter in settings.Topics.Length > 0 ? settings.Topics : [$"{Topics.Root}/#"])
        {
            await link.SubscribeAsync(filter, cancellationToken);
        }
        Console.WriteLine($"recording {string.Join(", ", settings.Topics.Length > 0 ? settings.Topics : [$"{Topics.Root}/#"])} from {settings.Broker} to {settings.File}");
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
            // Stopping is the normal end of a recording.
        }
        Console.WriteLine($"recorded {writer.Count} messages");
        await Console.Out.FlushAsync(cancellationToken);
        return 0;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }
}
