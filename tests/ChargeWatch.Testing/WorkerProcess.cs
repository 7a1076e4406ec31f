using System.Diagnostics;

namespace ChargeWatch.Testing;

/// <summary>
/// The real worker as a child process (<c>dotnet ChargeWatch.Worker.dll</c>) configured by
/// <c>ChargeWatch__…</c> environment variables. Ready once it logs <c>ChargeWatch ready</c>.
/// <see cref="ServiceProcess.StopAsync"/> sends SIGTERM and returns the exit code; stop and start
/// again keep the client id and the data directory, as a service restart would.
/// </summary>
public sealed class WorkerProcess : ServiceProcess
{
    public const string ReadyLine = "ChargeWatch ready";

    /// <summary>The v2 token <see cref="SettingsFor"/> configures; a front with <c>RequiredToken</c> set to it proves the worker sends it.</summary>
    public const string TestToken = "test-token";

    private string? _dll;

    /// <summary>A worker with the given configuration (keys as in appsettings: <c>Mqtt:Host</c>, …).</summary>
    public WorkerProcess(IDictionary<string, string?>? settings = null, string? directory = null) : base("worker", directory)
    {
        StartTimeout = TimeSpan.FromSeconds(60);
        HttpPort = FreePort.Next();
        ClientId = $"cw-test-{Guid.NewGuid().ToString("N")[..10]}";
        Settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Mqtt:ClientId"] = ClientId,
            ["Instance"] = ClientId,
            ["DataDirectory"] = Path.Combine(Directory, "data"),
            ["Http:Urls"] = $"http://127.0.0.1:{HttpPort}",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            Settings[key] = value;
        }
    }

    /// <summary>Configuration keys (colon-separated) and values; changes apply at the next start.</summary>
    public IDictionary<string, string?> Settings { get; }

    public string ClientId { get; }

    /// <summary>Port of the health/metrics endpoint (<c>Http:Urls</c>), free so workers never collide.</summary>
    public int HttpPort { get; }

    public string HttpUrl => $"http://127.0.0.1:{HttpPort}";

    public string DataDirectory => Settings["DataDirectory"]!;

    /// <summary>Settings for a worker on <paramref name="broker"/> writing to <paramref name="influxUrl"/> with API v1 or v2.</summary>
    public static Dictionary<string, string?> SettingsFor(MosquittoProcess broker, string influxUrl, string api, string bucket) => new()
    {
        ["Mqtt:Host"] = broker.Host,
        ["Mqtt:Port"] = broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        // Long enough for restart tests, short enough that dead test sessions do not pile up in the broker.
        ["Mqtt:SessionExpirySeconds"] = "600",
        ["Influx:Url"] = influxUrl,
        ["Influx:Api"] = api,
        ["Influx:Bucket"] = bucket,
        ["Influx:Org"] = "chargewatch",
        ["Influx:Token"] = TestToken,
        ["Counters:IntervalSeconds"] = "1",
    };

    /// <summary>Environment variable name of a configuration key: <c>Mqtt:Host</c> → <c>ChargeWatch__Mqtt__Host</c>.</summary>
    public static string EnvironmentVariableName(string key) => "ChargeWatch__" + key.Replace(":", "__", StringComparison.Ordinal);

    protected override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        _dll ??= await WorkerLocator.FindOrBuildAsync(cancellationToken);
        System.IO.Directory.CreateDirectory(DataDirectory);
    }

    protected override ProcessStartInfo CreateStartInfo()
    {
        var info = new ProcessStartInfo("dotnet");
        info.ArgumentList.Add(_dll!);
        // Settings leaking in from the test runner's environment would make runs differ by machine.
        foreach (var inherited in info.Environment.Keys.Where(k => k.StartsWith("ChargeWatch__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(inherited);
        }
        foreach (var (key, value) in Settings)
        {
            info.Environment[EnvironmentVariableName(key)] = value;
        }
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        return info;
    }

    protected override Task WaitUntilReadyAsync(CancellationToken cancellationToken) =>
        WaitForOutputAsync(line => line.Contains(ReadyLine, StringComparison.Ordinal), StartTimeout, cancellationToken);
}
