using ChargeWatch.Testing;

namespace ChargeWatch.Flywire.Tests.EndToEnd;

/// <summary>Real Mosquitto and InfluxDB 1.6.7, started once for the fly-wire end-to-end tests.</summary>
public sealed class EndToEndFlywireServices : IAsyncLifetime
{
    public MosquittoProcess Broker { get; private set; } = null!;

    public InfluxDbProcess Influx { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        // xunit does not dispose a fixture whose start failed: stop what did start before rethrowing.
        try
        {
            Broker = await MosquittoProcess.StartNewAsync();
            Influx = await InfluxDbProcess.StartNewAsync();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>A started worker (child process, v1 writes) on the broker, writing to its own database.</summary>
    public async Task<WorkerProcess> StartWorkerAsync(string database, CancellationToken cancellationToken)
    {
        await Influx.CreateDatabaseAsync(database, cancellationToken);
        var worker = new WorkerProcess(WorkerProcess.SettingsFor(Broker, Influx.Url, "v1", database));
        try
        {
            await worker.StartAsync(cancellationToken);
            return worker;
        }
        catch
        {
            await worker.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Influx is not null)
        {
            await Influx.DisposeAsync();
        }
        if (Broker is not null)
        {
            await Broker.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EndToEndFlywireCollection : ICollectionFixture<EndToEndFlywireServices>
{
    public const string Name = "EndToEndFlywire";
}
