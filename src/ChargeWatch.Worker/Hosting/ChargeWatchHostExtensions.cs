using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace ChargeWatch.Worker.Hosting;

public static class ChargeWatchHostExtensions
{
    /// <summary>Single-line console logs with UTC timestamps (what tests and scripts read).</summary>
    public static HostApplicationBuilder AddChargeWatchLogging(this HostApplicationBuilder builder)
    {
        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            console.UseUtcTimestamp = true;
            console.ColorBehavior = LoggerColorBehavior.Disabled;
        });
        return builder;
    }

    /// <summary>
    /// Runs until SIGTERM/Ctrl-C. Returns the exit code: 0 after a clean stop, 1 after a fatal error,
    /// 2 when the configuration is invalid (each problem named by its key on stderr).
    /// </summary>
    public static async Task<int> RunChargeWatchAsync(this IHost host)
    {
        try
        {
            await host.RunAsync();
            return Environment.ExitCode;
        }
        catch (OptionsValidationException e)
        {
            await Console.Error.WriteLineAsync("ChargeWatch configuration is invalid:");
            foreach (var failure in e.Failures)
            {
                await Console.Error.WriteLineAsync("  " + failure);
            }
            return 2;
        }
    }
}
