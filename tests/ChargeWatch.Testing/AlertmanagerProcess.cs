using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace ChargeWatch.Testing;

/// <summary>
/// Real Prometheus Alertmanager (Debian's <c>prometheus-alertmanager</c>) on 127.0.0.1, clustering
/// off, with the given configuration text and its storage in its directory.
/// </summary>
public sealed class AlertmanagerProcess : ServiceProcess
{
    /// <summary>A configuration that accepts everything and sends it nowhere.</summary>
    public const string NullReceiverConfig = """
        route:
          receiver: "null"
          group_wait: 0s
          group_interval: 1s
          repeat_interval: 1h
        receivers:
          - name: "null"
        """;

    private readonly HttpClient _http;

    public AlertmanagerProcess(string? configYaml = null, int? port = null, string? directory = null)
        : base("alertmanager", directory)
    {
        ConfigYaml = configYaml ?? NullReceiverConfig;
        Port = port ?? FreePort.Next();
        _http = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(10) };
    }

    /// <summary>The alertmanager.yml text; change it before a (re)start.</summary>
    public string ConfigYaml { get; set; }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}";

    public string ConfigPath => Path.Combine(Directory, "alertmanager.yml");

    public static async Task<AlertmanagerProcess> StartNewAsync(string? configYaml = null, CancellationToken cancellationToken = default)
    {
        var alertmanager = new AlertmanagerProcess(configYaml);
        try
        {
            await alertmanager.StartAsync(cancellationToken);
            return alertmanager;
        }
        catch
        {
            await alertmanager.DisposeAsync();
            throw;
        }
    }

    /// <summary>The alerts Alertmanager holds now (<c>GET /api/v2/alerts</c>), as its JSON array.</summary>
    public async Task<JsonElement> GetAlertsAsync(CancellationToken cancellationToken = default)
    {
        using var response = await _http.GetAsync(new Uri("/api/v2/alerts", UriKind.Relative), cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    protected override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Path.Combine(Directory, "storage"));
        await File.WriteAllTextAsync(ConfigPath, ConfigYaml, cancellationToken);
    }

    protected override ProcessStartInfo CreateStartInfo()
    {
        var info = new ProcessStartInfo(ServiceBinary.Find("prometheus-alertmanager", "prometheus-alertmanager"));
        info.ArgumentList.Add($"--config.file={ConfigPath}");
        info.ArgumentList.Add($"--storage.path={Path.Combine(Directory, "storage")}");
        info.ArgumentList.Add($"--web.listen-address=127.0.0.1:{Port}");
        // Empty: no gossip listener, so instances never collide on :9094.
        info.ArgumentList.Add("--cluster.listen-address=");
        return info;
    }

    protected override Task WaitUntilReadyAsync(CancellationToken cancellationToken) =>
        PollUntilAsync(_http, "/-/ready", HttpStatusCode.OK, cancellationToken);

    protected override ValueTask ReleaseResourcesAsync()
    {
        _http.Dispose();
        return ValueTask.CompletedTask;
    }
}
