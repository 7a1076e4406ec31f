using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Payloads;
using ChargeWatch.Core.Readings;
using ChargeWatch.Testing;

namespace ChargeWatch.Deploy.Tests.Grafana;

/// <summary>
/// <see cref="DemoEvening"/>'s readings published as contract payloads to a real Mosquitto and
/// stored by the real worker (API v1 into InfluxDB 1.6), so the dashboards are checked against
/// what the worker writes, including its own <c>chargewatch</c> counters.
/// </summary>
public sealed class WorkerStoredDemoEvening : IAsyncLifetime
{
    private static readonly TimeSpan StoreTimeout = TimeSpan.FromSeconds(120);
    private const int CounterPointsNeeded = 35;

    private MosquittoProcess? _broker;
    private InfluxDbProcess? _influx;
    private WorkerProcess? _worker;

    internal InfluxDbProcess Influx => _influx ?? throw new InvalidOperationException("InfluxDB did not start");

    /// <summary>Wall-clock time the worker started: its counters are stamped with wall time.</summary>
    internal DateTimeOffset StartedAt { get; private set; }

    internal int Published { get; private set; }

    public async ValueTask InitializeAsync()
    {
        try
        {
            StartedAt = DateTimeOffset.UtcNow.AddMinutes(-1);
            _broker = await MosquittoProcess.StartNewAsync();
            _influx = await InfluxDbProcess.StartNewAsync();
            await _influx.CreateDatabaseAsync(DemoEvening.Database);
            _worker = new WorkerProcess(WorkerProcess.SettingsFor(_broker, _influx.Url, "v1", DemoEvening.Database));
            await _worker.StartAsync();
            await PublishAsync();
            await WaitUntilStoredAsync();
        }
        catch
        {
            // xunit v3 does not dispose a fixture whose start failed: stop what did start.
            await DisposeAsync();
            throw;
        }
    }

    private async Task PublishAsync()
    {
        await using var devices = await MqttTestClient.ConnectAsync(_broker!);
        foreach (var reading in DemoEvening.Data.Readings)
        {
            await devices.PublishAsync(Topics.Telemetry(reading.Device), TelemetryJson.ToUtf8(reading));
            Published++;
        }
    }

    private async Task WaitUntilStoredAsync()
    {
        var expectedPorts = DemoEvening.Data.Readings.OfType<ChargerReading>().Sum(r => r.Ports.Count);
        var expectedMeters = DemoEvening.Data.Readings.OfType<MeterReading>().Count();
        using var timeout = new CancellationTokenSource(StoreTimeout);
        while (true)
        {
            var ports = await _influx!.Client.CountAsync(DemoEvening.Database, "SELECT count(\"a\") FROM \"port\"", timeout.Token);
            var meters = await _influx.Client.CountAsync(DemoEvening.Database, "SELECT count(\"w\") FROM \"meter\"", timeout.Token);
            var received = await _influx.Client.CountAsync(DemoEvening.Database,
                "SELECT max(\"messages_received\") FROM \"chargewatch\"", timeout.Token);
            // Rates need a few 10 s buckets of counters (written every second here).
            var counterPoints = await _influx.Client.CountAsync(DemoEvening.Database,
                "SELECT count(\"messages_received\") FROM \"chargewatch\"", timeout.Token);
            if (ports == expectedPorts && meters == expectedMeters && received >= Published && counterPoints >= CounterPointsNeeded)
            {
                return;
            }
            if (timeout.IsCancellationRequested)
            {
                throw new TimeoutException(
                    $"worker stored {ports}/{expectedPorts} port points, {meters}/{expectedMeters} meter points, counted {received}/{Published} messages");
            }
            await Task.Delay(500, CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_worker is not null)
        {
            await _worker.DisposeAsync();
        }
        if (_influx is not null)
        {
            await _influx.DisposeAsync();
        }
        if (_broker is not null)
        {
            await _broker.DisposeAsync();
        }
    }
}
