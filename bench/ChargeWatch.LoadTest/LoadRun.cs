using System.Diagnostics;
using ChargeWatch.Testing;

namespace ChargeWatch.LoadTest;

/// <summary>
/// One end-to-end run: real Mosquitto and InfluxDB 1.6.7 (plus the v2 write front for <c>--api v2</c>),
/// the Release worker as a child process, a paced QoS 1 publisher, an optional alert probe and
/// InfluxDB outage; then the drain, the count of stored points and the worker's /proc figures.
/// </summary>
internal sealed class LoadRun(LoadOptions options)
{
    private const string Database = "chargewatch";
    private static readonly TimeSpan DrainQuiet = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan DrainLimit = TimeSpan.FromMinutes(3);

    public async Task<LoadResult> RunAsync(CancellationToken ct)
    {
        var site = $"load-{DateTime.UtcNow:HHmmss}";
        var result = new LoadResult { Options = options, Site = site, LoadAverageBefore = LoadAverage() };
        Environment.SetEnvironmentVariable(WorkerLocator.OverrideVariable, options.WorkerDll ?? DefaultWorkerDll());
        foreach (var (name, value) in options.WorkerEnvironment)
        {
            Environment.SetEnvironmentVariable(name, value); // inherited by the worker process only: this one has started
        }

        await using var broker = new MosquittoProcess();
        foreach (var line in options.BrokerLines)
        {
            broker.ExtraConfigLines.Add(line);
        }
        await broker.StartAsync(ct);
        await using var influx = await InfluxDbProcess.StartNewAsync(ct);
        await influx.CreateDatabaseAsync(Database, ct);
        await using var front = options.Api == "v2" ? await InfluxV2WriteFront.StartAsync(influx.Url, ct) : null;
        var settings = WorkerProcess.SettingsFor(broker, front?.Url ?? influx.Url, options.Api, Database);
        settings["Counters:IntervalSeconds"] = "10";
        foreach (var (key, value) in options.WorkerSettings)
        {
            settings[key] = value;
        }
        await using var worker = new WorkerProcess(settings) { StopTimeout = TimeSpan.FromSeconds(60) };
        await worker.StartAsync(ct);
        var workerPid = worker.ProcessId!.Value;
        Log($"worker {WorkerLocator.TryFind()} pid {workerPid}; broker :{broker.Port}; influxd :{influx.Port}{(front is null ? "" : $" via v2 front {front.Url}")}; site {site}");

        var fleet = new ChargerFleet(site, options.Chargers, options.Ports);
        await using var publisher = await RatePublisher.ConnectAsync(broker.Host, broker.Port, $"cw-load-{Environment.ProcessId}", options.Window, ct);
        await using var probe = options.AlertRate > 0 ? await AlertLatencyProbe.StartAsync(broker.Host, broker.Port, site, ct) : null;
        await using var tripPublisher = probe is null ? null : await RatePublisher.ConnectAsync(broker.Host, broker.Port, $"cw-load-trips-{Environment.ProcessId}", 100, ct);

        var clock = Stopwatch.StartNew();
        using var stopSampling = new CancellationTokenSource();
        var baseline = Baselines(workerPid, broker.ProcessId!.Value, influx.ProcessId!.Value);
        var sampling = SampleAsync(result, workerPid, Path.Combine(worker.DataDirectory, "spool"), clock, stopSampling.Token);
        var outage = options.InfluxOutageSeconds > 0 ? InfluxOutageAsync(influx, result, clock, ct) : Task.CompletedTask;
        var eventTimeZero = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));
        var trips = probe is null ? Task.FromResult(0) : PublishTripsAsync(fleet, tripPublisher!, probe, eventTimeZero, clock, ct);

        var total = (long)Math.Round(options.Rate * options.Seconds);
        for (long i = 0; i < total; i++)
        {
            // Message i is due at i / rate; ahead of schedule, sleep; behind, publish at once (the window permitting).
            var ahead = (i / options.Rate) - clock.Elapsed.TotalSeconds;
            if (ahead > 0.001)
            {
                await Task.Delay(TimeSpan.FromSeconds(ahead), ct);
            }
            var (topic, payload) = fleet.Next(i, eventTimeZero.AddTicks((long)(i / options.Rate * TimeSpan.TicksPerSecond)));
            await publisher.PublishAsync(topic, payload, ct: ct);
            if (i % (long)Math.Max(options.Rate * 10, 1) == 0 && i > 0)
            {
                Log($"{clock.Elapsed.TotalSeconds,6:F0} s: {i:N0} published");
            }
        }
        result.PublishSeconds = clock.Elapsed.TotalSeconds;
        var tripCount = await trips;
        await publisher.FlushAsync(TimeSpan.FromMinutes(5));
        if (tripPublisher is not null)
        {
            await tripPublisher.FlushAsync(TimeSpan.FromMinutes(1));
        }
        result.AcknowledgedSeconds = clock.Elapsed.TotalSeconds;
        result.Published = publisher.Acknowledged + (tripPublisher?.Acknowledged ?? 0);
        result.PublishFailed = publisher.Failed + (tripPublisher?.Failed ?? 0);
        result.ExpectedPortPoints = result.Published * options.Ports;
        Log($"published {result.Published:N0} ({tripCount} trips) in {result.PublishSeconds:F1} s, all acknowledged at {result.AcknowledgedSeconds:F1} s; {result.PublishFailed} failed");
        await outage;

        await DrainAsync(influx, worker, result, clock, ct);
        var end = Baselines(workerPid, broker.ProcessId!.Value, influx.ProcessId!.Value);
        result.WorkerCpuSeconds = end.Worker - baseline.Worker;
        result.BrokerCpuSeconds = end.Broker - baseline.Broker;
        result.InfluxCpuSeconds = end.Influx - baseline.Influx;
        result.LoadTestCpuSeconds = end.Self - baseline.Self;
        result.PeakRssBytes = ProcessSampler.Read(workerPid, 0)?.PeakRssBytes ?? 0;
        if (probe is not null)
        {
            await probe.WaitForAllAsync(TimeSpan.FromSeconds(30));
            result.AlertLatenciesMs = probe.LatenciesMs();
            result.AlertsExpected = probe.Published;
            result.AlertDuplicates = probe.Duplicates;
        }
        await stopSampling.CancelAsync();
        await sampling;
        result.LoadAverageAfter = LoadAverage();
        result.WorkerExitCode = await worker.StopAsync(ct);
        return result;
    }

    private async Task<int> PublishTripsAsync(ChargerFleet fleet, RatePublisher publisher, AlertLatencyProbe probe,
        DateTimeOffset eventTimeZero, Stopwatch clock, CancellationToken ct)
    {
        // Start after a few seconds so the worker's JIT warm-up is not what the latency measures.
        var start = Math.Min(5.0, options.Seconds / 4.0);
        var count = (int)((options.Seconds - start) * options.AlertRate);
        for (var n = 0; n < count; n++)
        {
            var due = start + (n / options.AlertRate);
            var ahead = due - clock.Elapsed.TotalSeconds;
            if (ahead > 0.001)
            {
                await Task.Delay(TimeSpan.FromSeconds(ahead), ct);
            }
            var (topic, payload, device) = fleet.Trip(n, eventTimeZero.AddTicks((long)(clock.Elapsed.TotalSeconds * TimeSpan.TicksPerSecond)));
            probe.MarkPublished(device, Stopwatch.GetTimestamp());
            await publisher.PublishAsync(topic, payload, ct: ct);
        }
        return count;
    }

    private async Task InfluxOutageAsync(InfluxDbProcess influx, LoadResult result, Stopwatch clock, CancellationToken ct)
    {
        await Task.Delay(TimeSpan.FromSeconds(options.Seconds / 3.0), ct);
        var from = clock.Elapsed.TotalSeconds;
        Log($"{from,6:F0} s: stopping InfluxDB for {options.InfluxOutageSeconds} s");
        await influx.StopAsync(ct);
        await Task.Delay(TimeSpan.FromSeconds(options.InfluxOutageSeconds), ct);
        await influx.StartAsync(ct);
        var to = clock.Elapsed.TotalSeconds;
        result.Outage = (from, to);
        Log($"{to,6:F0} s: InfluxDB is back");
    }

    /// <summary>
    /// Waits until the worker reports (on /metrics) that it wrote at least every published reading's
    /// points, then counts what InfluxDB holds. The stored count is asked rarely: a count over
    /// millions of points costs InfluxDB seconds of CPU, and polling it would measure itself.
    /// </summary>
    private static async Task DrainAsync(InfluxDbProcess influx, WorkerProcess worker, LoadResult result, Stopwatch clock, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var expectedLines = result.Published * (result.Options.Ports + 1);
        var started = clock.Elapsed;
        var lastChange = clock.Elapsed;
        double written = -1;
        while (clock.Elapsed - lastChange < DrainQuiet && clock.Elapsed - started < DrainLimit)
        {
            var now = await MetricAsync(http, worker.HttpUrl, "chargewatch_points_written_total", ct) ?? written;
            if (now != written)
            {
                written = now;
                lastChange = clock.Elapsed;
                result.StoredSeconds = clock.Elapsed.TotalSeconds;
            }
            if (written >= expectedLines)
            {
                break;
            }
            await Task.Delay(250, ct);
        }
        var query = $"SELECT count(a) FROM port WHERE site = '{result.Site}'";
        for (var attempt = 0; attempt < 6; attempt++)
        {
            try
            {
                result.StoredPortPoints = await influx.Client.CountAsync(Database, query, ct);
            }
            catch (Exception e) when (e is HttpRequestException or InfluxQueryException or TaskCanceledException)
            {
                Log($"count failed: {e.Message}");
            }
            if (result.StoredPortPoints >= result.ExpectedPortPoints)
            {
                result.Drained = true;
                break;
            }
            await Task.Delay(5000, ct);
        }
        Log($"worker wrote {written:N0} lines by {result.StoredSeconds:F1} s; InfluxDB holds {result.StoredPortPoints:N0} of {result.ExpectedPortPoints:N0} port points");
    }

    private static async Task<double?> MetricAsync(HttpClient http, string baseUrl, string name, CancellationToken ct)
    {
        try
        {
            var text = await http.GetStringAsync(new Uri(baseUrl + "/metrics"), ct);
            foreach (var line in text.Split('\n'))
            {
                if (line.StartsWith(name + " ", StringComparison.Ordinal))
                {
                    return double.Parse(line[(name.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture);
                }
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
        }
        return null;
    }

    private static async Task SampleAsync(LoadResult result, int pid, string spoolDirectory, Stopwatch clock, CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var at = clock.Elapsed.TotalSeconds;
                if (ProcessSampler.Read(pid, at) is { } sample)
                {
                    result.WorkerSamples.Add(sample);
                }
                result.SpoolSamples.Add((at, DirectoryBytes(spoolDirectory)));
                await Task.Delay(1000, ct);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static long DirectoryBytes(string path) =>
        Directory.Exists(path) ? new DirectoryInfo(path).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) : 0;

    private static (double Worker, double Broker, double Influx, double Self) Baselines(int worker, int broker, int influx) => (
        ProcessSampler.Read(worker, 0)?.CpuSeconds ?? 0,
        ProcessSampler.Read(broker, 0)?.CpuSeconds ?? 0,
        ProcessSampler.Read(influx, 0)?.CpuSeconds ?? 0,
        ProcessSampler.Read(Environment.ProcessId, 0)?.CpuSeconds ?? 0);

    private static string DefaultWorkerDll()
    {
        // This program runs from {artifacts}/bin/ChargeWatch.LoadTest/{pivot}/; the worker to measure is the Release build.
        var bin = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", ".."));
        var dll = Path.Combine(bin, "ChargeWatch.Worker", "release", "ChargeWatch.Worker.dll");
        return File.Exists(dll)
            ? dll
            : throw new FileNotFoundException($"No Release worker at {dll}: run `dotnet build -c Release src/ChargeWatch.Worker` first, or pass --worker.");
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    public static void Log(string line) => Console.Error.WriteLine($"[load] {line}");
}
