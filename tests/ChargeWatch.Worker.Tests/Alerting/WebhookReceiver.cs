using ChargeWatch.Testing;
using System.Net;
using System.Text.Json;

namespace ChargeWatch.Worker.Tests.Alerting;

/// <summary>
/// The receiving end of an Alertmanager webhook: an HTTP listener on a free loopback port that
/// keeps every notification it gets, for tests to wait on and count.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Lock _lock = new();
    private readonly List<JsonElement> _notifications = [];
    private readonly Task _loop;

    public WebhookReceiver()
    {
        Port = FreePort.Next();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(ReceiveAsync);
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/hook";

    public IReadOnlyList<JsonElement> Notifications
    {
        get
        {
            lock (_lock)
            {
                return [.. _notifications];
            }
        }
    }

    /// <summary>Every alert of every notification, as (status, labels).</summary>
    public IReadOnlyList<(string Status, Dictionary<string, string> Labels)> Alerts =>
        [.. Notifications.SelectMany(n => n.GetProperty("alerts").EnumerateArray())
            .Select(a => (a.GetProperty("status").GetString()!, a.GetProperty("labels").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!)))];

    public Task<IReadOnlyList<(string Status, Dictionary<string, string> Labels)>> WaitForAsync(
        Func<(string Status, Dictionary<string, string> Labels), bool> match, TimeSpan timeout, string what) =>
        Eventually.UntilAsync(
            () => Task.FromResult<IReadOnlyList<(string Status, Dictionary<string, string> Labels)>>([.. Alerts.Where(match)]),
            found => found.Count > 0,
            timeout,
            what + " (received: " + Describe() + ")");

    public string Describe() =>
        string.Join("; ", Alerts.Select(a => $"{a.Status} {string.Join(",", a.Labels.OrderBy(l => l.Key).Select(l => $"{l.Key}={l.Value}"))}"));

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
        {
        }
    }

    private async Task ReceiveAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            using (var document = await JsonDocument.ParseAsync(context.Request.InputStream))
            {
                lock (_lock)
                {
                    _notifications.Add(document.RootElement.Clone());
                }
            }
            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }
}
