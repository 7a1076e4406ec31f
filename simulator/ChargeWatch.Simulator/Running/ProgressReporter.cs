using System.Globalization;
using Spectre.Console;

namespace ChargeWatch.Simulator.Running;

/// <summary>
/// Messages sent, rate, simulated clock and injected events: a live line on a terminal, plain
/// log lines every few seconds when output is redirected.
/// </summary>
public sealed class ProgressReporter(TimeProvider time, TextWriter output, bool interactive)
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(5);

    private readonly long _start = time.GetTimestamp();
    private long _lastReport = time.GetTimestamp();
    private long _lastCount;

    public long Sent { get; private set; }

    public static ProgressReporter ForConsole(TimeProvider time) =>
        new(time, Console.Out, !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive);

    public void Event(DateTimeOffset at, string text) =>
        Line($"{Clock(at)} event: {text}");

    public void Sent1(DateTimeOffset simulated)
    {
        Sent++;
        var elapsed = time.GetElapsedTime(_lastReport);
        if (elapsed < (interactive ? TimeSpan.FromMilliseconds(250) : Every))
        {
            return;
        }
        var rate = (Sent - _lastCount) / elapsed.TotalSeconds;
        _lastCount = Sent;
        _lastReport = time.GetTimestamp();
        var text = string.Create(CultureInfo.InvariantCulture, $"{Clock(simulated)} sent {Sent:N0} messages, {rate:N0}/s");
        if (interactive)
        {
            output.Write("\r" + text.PadRight(70));
        }
        else
        {
            output.WriteLine(text);
        }
    }

    public void Done(DateTimeOffset? simulated)
    {
        var seconds = time.GetElapsedTime(_start).TotalSeconds;
        Line(string.Create(CultureInfo.InvariantCulture,
            $"done: {Sent:N0} messages in {seconds:N1} s ({Sent / Math.Max(seconds, 1e-9):N0}/s), simulated clock {(simulated is { } s ? Clock(s) : "-")}"));
    }

    public void Line(string text)
    {
        if (interactive)
        {
            output.Write("\r" + new string(' ', 70) + "\r");
        }
        output.WriteLine(text);
    }

    private static string Clock(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
