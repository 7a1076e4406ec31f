using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using ChargeWatch.Simulator.Mqtt;
using ChargeWatch.Simulator.Running;
using Spectre.Console.Cli;

namespace ChargeWatch.Simulator.Cli;

/// <summary><c>load</c>: publishes pile readings at a precise rate and reports the achieved rate.</summary>
public sealed class LoadCommand : AsyncCommand<LoadCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--piles")]
        public int Piles { get; init; } = 1000;

        [CommandOption("--ports")]
        public int Ports { get; init; } = 10;

        [CommandOption("--interval")]
        [Description("Seconds between two readings of one pile (sets the rate when --rate is absent)")]
        public double Interval { get; init; } = 30;

        [CommandOption("--rate")]
        [Description("Messages per second in all (default piles / interval)")]
        public double? Rate { get; init; }

        [CommandOption("--duration")]
        [Description("Seconds to run")]
        public double Duration { get; init; } = 60;

        [CommandOption("--site")]
        public string Site { get; init; } = "load-1";

        [CommandOption("--broker")]
        public string Broker { get; init; } = "localhost:1883";

        [CommandOption("--window")]
        [Description("Publishes awaiting their PUBACK at once")]
        public int Window { get; init; } = 1000;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Piles < 1 || settings.Ports is < 1 or > 64 || settings.Interval <= 0 || settings.Duration <= 0)
        {
            await Console.Error.WriteLineAsync("--piles ≥ 1, --ports 1..64, --interval > 0 and --duration > 0 are required");
            return 2;
        }
        var rate = settings.Rate ?? settings.Piles / settings.Interval;
        var generator = new LoadGenerator(settings.Site, settings.Piles, settings.Ports);
        await using var link = await MqttLink.ConnectAsync(BrokerAddress.Parse(settings.Broker), $"chargewatch-load-{Environment.ProcessId}", settings.Window, cancellationToken);
        var total = (long)Math.Round(rate * settings.Duration);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"load: {settings.Piles} piles × {settings.Ports} ports, target {rate:N1} msg/s for {settings.Duration:N0} s ({total:N0} messages) to {settings.Broker}"));
        var clock = Stopwatch.StartNew();
        var lastReport = 0.0;
        long reportedAt = 0;
        for (long i = 0; i < total; i++)
        {
            // Message i is due at i / rate: sleep when ahead, never catch up by bursting past the schedule.
            var ahead = (i / rate) - clock.Elapsed.TotalSeconds;
            if (ahead > 0.002)
            {
                await Task.Delay(TimeSpan.FromSeconds(ahead), cancellationToken);
            }
            var (topic, payload) = generator.Next(i, TimeProvider.System.GetLocalNow());
            await link.PublishAsync(topic, payload, cancellationToken: cancellationToken);
            var now = clock.Elapsed.TotalSeconds;
            if (now - lastReport >= 5)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{now,6:N0} s: {i + 1:N0} sent, {(i + 1 - reportedAt) / (now - lastReport):N0} msg/s"));
                lastReport = now;
                reportedAt = i + 1;
            }
        }
        var sendSeconds = clock.Elapsed.TotalSeconds;
        await link.FlushAsync();
        var ackSeconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"achieved: {total:N0} messages in {sendSeconds:N2} s = {total / sendSeconds:N1} msg/s (target {rate:N1}); all acknowledged after {ackSeconds:N2} s"));
        return 0;
    }
}
