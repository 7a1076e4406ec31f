using ChargeWatch.Testing;

namespace ChargeWatch.Worker.Tests.EndToEnd;

/// <summary>
/// Real Mosquitto, real InfluxDB 1.6.7 and the v2 write front, started once for all end-to-end
/// tests. Tests stay independent by using their own site, database and worker (client id).
/// </summary>
public sealed class EndToEndServices : IAsyncLifetime
{
    public MosquittoProcess Broker { get; private set; } = null!;

    public InfluxDbProcess Influx { get; private set; } = null!;

    public InfluxV2WriteFront Front { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        // xunit does not dispose a fixture whose start failed: stop what did start before rethrowing.
        try
        {
            Broker = await MosquittoProcess.StartNewAsync();
            Influx = await InfluxDbProcess.StartNewAsync();
            Front = await InfluxV2WriteFront.StartAsync(Influx.Url);
            Front.RequiredToken = WorkerProcess.TestToken;
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates <paramref name="database"/> and returns the URL the worker writes to with <paramref name="api"/>.</summary>
    public async Task<string> PrepareDatabaseAsync(string api, string database)
    {
        await Influx.CreateDatabaseAsync(database);
        return InfluxApi.UrlFor(api, Influx, Front);
    }

    /// <summary>A started worker on the shared broker writing to <paramref name="database"/> through <paramref name="api"/>.</summary>
    public async Task<WorkerProcess> StartWorkerAsync(string api, string database)
    {
        var url = await PrepareDatabaseAsync(api, database);
        return await InfluxApi.StartWorkerAsync(Broker, url, api, database);
    }

    public async ValueTask DisposeAsync()
    {
        if (Front is not null)
        {
            await Front.DisposeAsync();
        }
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
public sealed class EndToEndCollection : ICollectionFixture<EndToEndServices>
{
    public const string Name = "EndToEnd";
}
