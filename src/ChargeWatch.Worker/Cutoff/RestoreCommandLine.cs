using ChargeWatch.Worker.Configuration;
using System.Globalization;

namespace ChargeWatch.Worker.Cutoff;

/// <summary>
/// <c>ChargeWatch.Worker restore --site S --charger C --port P [--port Q ...]</c>: the explicit,
/// human act that switches cut sockets back on. Publishes contract §3 <c>restore</c> commands with
/// the worker's broker settings (appsettings.json, environment) and exits: 0 sent, 1 failed, 2 usage.
/// </summary>
public static class RestoreCommandLine
{
    public const string Verb = "restore";

    public const string Usage = "usage: ChargeWatch.Worker restore --site <site> --charger <charger> --port <port> [--port <port> ...]";

    /// <summary>True when <paramref name="args"/> ask for a restore; <paramref name="exitCode"/> is then the process result.</summary>
    public static bool TryRun(string[] args, out int exitCode)
    {
        exitCode = 0;
        if (args.Length == 0 || args[0] != Verb)
        {
            return false;
        }
        exitCode = RunAsync(args[1..], Console.Out, Console.Error).GetAwaiter().GetResult();
        return true;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, IConfiguration? configuration = null)
    {
        if (!TryParse(args, out var targets, out var problem))
        {
            await error.WriteLineAsync(problem).ConfigureAwait(false);
            await error.WriteLineAsync(Usage).ConfigureAwait(false);
            return 2;
        }
        configuration ??= new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        var mqtt = configuration.GetSection(MqttOptions.Section).Get<MqttOptions>() ?? new MqttOptions();
        using var client = new CutoffMqttClient(mqtt, "-restore");
        try
        {
            await client.ConnectAsync(CancellationToken.None).ConfigureAwait(false);
            foreach (var target in targets)
            {
                var command = new CutoffCommand(target, Cut: false);
                var result = await client.PublishAsync(command, CancellationToken.None).ConfigureAwait(false);
                if (!result.IsSuccess)
                {
                    await error.WriteLineAsync($"broker refused restore of {target} at site {target.Site}: {result.ReasonCode}").ConfigureAwait(false);
                    return 1;
                }
                await output.WriteLineAsync($"restore sent: {target} at site {target.Site} ({command.Topic})").ConfigureAwait(false);
            }
            await client.DisconnectAsync().ConfigureAwait(false);
            return 0;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            await error.WriteLineAsync($"restore failed: broker {mqtt.Host}:{mqtt.Port.ToString(CultureInfo.InvariantCulture)}: {ex.Message}").ConfigureAwait(false);
            return 1;
        }
    }

    public static bool TryParse(string[] args, out List<PortRef> targets, out string problem)
    {
        targets = [];
        string? site = null, charger = null;
        var ports = new List<int>();
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--site" when value is not null: site = value; i++; break;
                case "--charger" when value is not null: charger = value; i++; break;
                case "--port" when value is not null && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 64:
                    ports.Add(port); i++; break;
                default:
                    problem = $"unexpected or incomplete argument '{args[i]}'";
                    return false;
            }
        }
        if (site is null || charger is null || ports.Count == 0)
        {
            problem = "--site, --charger and at least one --port (1..64) are required";
            return false;
        }
        targets = [.. ports.Select(p => new PortRef(site, charger, p))];
        problem = "";
        return true;
    }
}
