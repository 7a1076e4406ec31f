using System.Diagnostics;
using System.Net;
using System.Text;

namespace ChargeWatch.Testing;

/// <summary>
/// Real InfluxDB 1.6 (Debian's <c>influxd</c>) on 127.0.0.1 with its data in its directory. Speaks
/// only the v1 API (<c>/write</c>, <c>/query</c>, <c>/ping</c>); the v2 write front
/// adds <c>/api/v2/write</c>. Stop and start keep the port and the data.
/// </summary>
public sealed class InfluxDbProcess : ServiceProcess
{
    private readonly HttpClient _http;

    public InfluxDbProcess(int? port = null, string? directory = null) : base("influxd", directory)
    {
        Port = port ?? FreePort.Next();
        RpcPort = FreePort.Next();
        _http = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(30) };
        Client = new InfluxQueryClient(_http);
    }

    public int Port { get; }

    /// <summary>The backup/restore RPC listener (default :8088), moved so instances never collide.</summary>
    public int RpcPort { get; }

    public string Url => $"http://127.0.0.1:{Port}";

    public string ConfigPath => Path.Combine(Directory, "influxdb.conf");

    /// <summary>Further settings of the <c>[http]</c> section (e.g. <c>max-row-limit = 10</c>), read at the next start.</summary>
    public IList<string> HttpLines { get; } = [];

    /// <summary>Writes and InfluxQL queries against this instance.</summary>
    public InfluxQueryClient Client { get; }

    public static async Task<InfluxDbProcess> StartNewAsync(CancellationToken cancellationToken = default)
    {
        var influx = new InfluxDbProcess();
        try
        {
            await influx.StartAsync(cancellationToken);
            return influx;
        }
        catch
        {
            await influx.DisposeAsync();
            throw;
        }
    }

    public Task CreateDatabaseAsync(string database, CancellationToken cancellationToken = default) =>
        Client.CreateDatabaseAsync(database, cancellationToken);

    public Task<IReadOnlyList<InfluxSeries>> QueryAsync(string database, string influxQl, CancellationToken cancellationToken = default) =>
        Client.QueryAsync(database, influxQl, cancellationToken);

    protected override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        var config = new StringBuilder()
            .AppendLine("reporting-disabled = true")
            .AppendLine($"bind-address = \"127.0.0.1:{RpcPort}\"")
            .AppendLine("[meta]")
            .AppendLine($"  dir = \"{Path.Combine(Directory, "meta")}\"")
            .AppendLine("[data]")
            .AppendLine($"  dir = \"{Path.Combine(Directory, "data")}\"")
            .AppendLine($"  wal-dir = \"{Path.Combine(Directory, "wal")}\"")
            .AppendLine("  query-log-enabled = false")
            .AppendLine("[monitor]")
            .AppendLine("  store-enabled = false")
            .AppendLine("[http]")
            .AppendLine($"  bind-address = \"127.0.0.1:{Port}\"")
            .AppendLine("  log-enabled = false")
            .AppendLine(string.Join(Environment.NewLine, HttpLines.Select(line => "  " + line)))
            .AppendLine("[logging]")
            .AppendLine("  level = \"warn\"")
            .AppendLine("[subscriber]")
            .AppendLine("  enabled = false")
            .ToString();
        await File.WriteAllTextAsync(ConfigPath, config, cancellationToken);
    }

    protected override ProcessStartInfo CreateStartInfo()
    {
        var info = new ProcessStartInfo(ServiceBinary.Find("influxd", "influxdb"));
        info.ArgumentList.Add("run");
        info.ArgumentList.Add("-config");
        info.ArgumentList.Add(ConfigPath);
        return info;
    }

    protected override Task WaitUntilReadyAsync(CancellationToken cancellationToken) =>
        PollUntilAsync(_http, "/ping", HttpStatusCode.NoContent, cancellationToken);

    protected override ValueTask ReleaseResourcesAsync()
    {
        _http.Dispose();
        return ValueTask.CompletedTask;
    }
}
