using System.Globalization;

namespace ChargeWatch.LoadTest;

/// <summary>Command line of the load test; every option has a default so a bare run measures the 4,000 msg/s target.</summary>
internal sealed record LoadOptions
{
    public double Rate { get; init; } = 4000;

    public int Seconds { get; init; } = 60;

    public string Api { get; init; } = "v1";

    public int Chargers { get; init; } = 1000;

    public int Ports { get; init; } = 10;

    /// <summary>Stop InfluxDB this long, starting a third into the run (0 = no outage).</summary>
    public int InfluxOutageSeconds { get; init; }

    /// <summary>Trip readings per second for publish→alert latency (0 = no latency probe).</summary>
    public double AlertRate { get; init; }

    /// <summary>Publishes awaiting their PUBACK at once.</summary>
    public int Window { get; init; } = 2000;

    /// <summary>Worker configuration overrides, <c>Key=Value</c> as in appsettings (<c>Influx:BatchSize=5000</c>).</summary>
    public IReadOnlyDictionary<string, string> WorkerSettings { get; init; } = new Dictionary<string, string>();

    /// <summary>Environment variables for the worker process (<c>DOTNET_TieredPGO=0</c>).</summary>
    public IReadOnlyDictionary<string, string> WorkerEnvironment { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// mosquitto.conf lines after the harness's own; by default those of deploy/mosquitto/mosquitto.conf
    /// that matter for throughput (the harness keeps Mosquitto's default of 20 messages in flight).
    /// </summary>
    public IReadOnlyList<string> BrokerLines { get; init; } = DeployBrokerLines;

    public static readonly IReadOnlyList<string> DeployBrokerLines = ["max_inflight_messages 1000", "autosave_interval 30"];

    /// <summary>The worker dll; default: the Release build next to this program's artifacts.</summary>
    public string? WorkerDll { get; init; }

    public string? Label { get; init; }

    public const string Usage = """
        ChargeWatch end-to-end load test: Mosquitto + InfluxDB 1.6.7 + the worker (Release, separate process).
          --rate N                    messages/s (default 4000; 10-port charger messages, 11 points each)
          --seconds N                 publish duration (default 60)
          --api v1|v2                 worker write API (v2 goes through the /api/v2/write front) (default v1)
          --chargers N --ports N      fleet (default 1000 x 10)
          --influx-outage-seconds N   stop InfluxDB for N s a third into the run
          --alert-rate N              trip readings (>= 20 A on one port, each a new charger) per second; measures publish->alert
          --window N                  unacknowledged publishes at once (default 2000)
          --set Key=Value             worker setting (repeatable), e.g. --set Influx:BatchSize=5000
          --env NAME=VALUE            worker environment variable (repeatable), e.g. --env DOTNET_TieredPGO=0
          --broker-line 'LINE'        mosquitto.conf line (repeatable); replaces the defaults taken from deploy/mosquitto:
                                      max_inflight_messages 1000, autosave_interval 30
          --worker PATH               ChargeWatch.Worker.dll (default: artifacts bin/ChargeWatch.Worker/release)
          --label TEXT                name of the run in the report
        """;

    public static LoadOptions Parse(string[] args)
    {
        var options = new LoadOptions();
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        var brokerLines = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value");
            options = name switch
            {
                "--rate" => options with { Rate = double.Parse(Value(), CultureInfo.InvariantCulture) },
                "--seconds" => options with { Seconds = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--api" => options with { Api = ApiName(Value()) },
                "--chargers" => options with { Chargers = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--ports" => options with { Ports = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--influx-outage-seconds" => options with { InfluxOutageSeconds = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--alert-rate" => options with { AlertRate = double.Parse(Value(), CultureInfo.InvariantCulture) },
                "--window" => options with { Window = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--worker" => options with { WorkerDll = Value() },
                "--label" => options with { Label = Value() },
                "--broker-line" => AddLine(brokerLines, Value(), options),
                "--set" => Add(settings, Value(), options),
                "--env" => Add(environment, Value(), options),
                _ => throw new ArgumentException($"unknown option {name}"),
            };
        }
        if (options.Rate <= 0 || options.Seconds <= 0 || options.Chargers < 1 || options.Ports is < 1 or > 64 || options.Window < 1)
        {
            throw new ArgumentException("--rate, --seconds, --chargers, --window must be positive and --ports 1..64");
        }
        return options with
        {
            WorkerSettings = settings,
            WorkerEnvironment = environment,
            BrokerLines = brokerLines.Count > 0 ? brokerLines : DeployBrokerLines,
        };
    }

    private static string ApiName(string value) => value is "v1" or "v2" ? value : throw new ArgumentException("--api is v1 or v2");

    private static LoadOptions AddLine(List<string> lines, string line, LoadOptions options)
    {
        lines.Add(line);
        return options;
    }

    private static LoadOptions Add(Dictionary<string, string> target, string pair, LoadOptions options)
    {
        var equals = pair.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new ArgumentException($"expected Name=Value, got '{pair}'");
        }
        target[pair[..equals]] = pair[(equals + 1)..];
        return options;
    }
}
