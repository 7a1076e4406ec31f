using System.ComponentModel;
using System.Net;
using System.Runtime.InteropServices;
using System.Text.Json;
using Spectre.Console.Cli;

namespace ChargeWatch.Simulator.Cli;

/// <summary>
/// <c>webhook</c>: a stand-in for a team's Alertmanager webhook receiver. Prints one line per alert
/// of every notification (status, team, rule, device, summary) and appends the raw notifications to
/// a JSONL file, so developers and the demo see what on-call staff would receive.
/// </summary>
public sealed class WebhookCommand : AsyncCommand<WebhookCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--listen")]
        [Description("Address to listen on (default 127.0.0.1:9095)")]
        public string Listen { get; init; } = "127.0.0.1:9095";

        [CommandOption("--out")]
        [Description("Append every notification as one JSON line to this file")]
        public string? Out { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://{settings.Listen}/");
        listener.Start();
        Console.WriteLine($"webhook receiver on http://{settings.Listen}/");
        await using var output = settings.Out is null ? null : new StreamWriter(settings.Out, append: true) { AutoFlush = true };
        using var stopping = stop.Token.Register(listener.Stop);
        while (!stop.IsCancellationRequested)
        {
            HttpListenerContext request;
            try
            {
                request = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                break;
            }
            using (var reader = new StreamReader(request.Request.InputStream))
            {
                var body = await reader.ReadToEndAsync(stop.Token);
                if (output is not null)
                {
                    await output.WriteLineAsync(body.ReplaceLineEndings(" "));
                }
                Print(body);
            }
            request.Response.StatusCode = 200;
            request.Response.Close();
        }
        return 0;

        void Stop(PosixSignalContext signal)
        {
            signal.Cancel = true;
            stop.Cancel();
        }
    }

    private static void Print(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var receiver = Text(json.RootElement, "receiver");
            foreach (var alert in json.RootElement.GetProperty("alerts").EnumerateArray())
            {
                var labels = alert.GetProperty("labels");
                var annotations = alert.GetProperty("annotations");
                var port = Text(labels, "port");
                Console.WriteLine($"[{receiver}] {Text(alert, "status")} {Text(labels, "severity")} team={Text(labels, "team")} " +
                    $"{Text(labels, "alertname")} {Text(labels, "device")}{(port.Length > 0 ? " port " + port : "")}: {Text(annotations, "summary")}");
            }
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            Console.WriteLine($"(not an Alertmanager notification: {e.Message})");
        }
    }

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
}
