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
            // Validate before starting, so a bad value gives these lines and not the host's stack trace.
            host.Services.GetService<IStartupValidator>()?.Validate();
            await host.RunAsync();
            return Environment.ExitCode;
        }
        catch (Exception e) when (ValidationFailures(e) is { Count: > 0 } failures)
        {
            await Console.Error.WriteLineAsync("ChargeWatch configuration is invalid:");
            foreach (var failure in failures)
            {
                await Console.Error.WriteLineAsync("  " + failure);
            }
            return 2;
        }
    }

    private static List<string> ValidationFailures(Exception e) => e switch
    {
        OptionsValidationException validation => [.. validation.Failures],
        AggregateException aggregate => [.. aggregate.InnerExceptions.SelectMany(ValidationFailures)],
        _ => [],
    };
}
