using ChargeWatch.Testing;

namespace ChargeWatch.Worker.Tests.EndToEnd;

/// <summary>The two write paths every end-to-end test runs over.</summary>
public static class InfluxApi
{
    /// <summary><c>/write?db=</c> straight to InfluxDB 1.6.7.</summary>
    public const string V1 = "v1";

    /// <summary>InfluxDB.Client's <c>/api/v2/write</c>, through the front (as InfluxDB 1.8+, 2.x and 3.x serve it).</summary>
    public const string V2 = "v2";

    public static TheoryData<string> Both => [V1, V2];

    public static string UrlFor(string api, InfluxDbProcess influx, InfluxV2WriteFront front) =>
        api == V2 ? front.Url : influx.Url;

    /// <summary>A database name unique to one test and API, so tests never see each other's points.</summary>
    public static string Database(string test, string api) => $"e2e_{test}_{api}_{Guid.NewGuid().ToString("N")[..6]}";

    public static async Task<WorkerProcess> StartWorkerAsync(MosquittoProcess broker, string influxUrl, string api, string database)
    {
        var worker = new WorkerProcess(WorkerProcess.SettingsFor(broker, influxUrl, api, database));
        try
        {
            await worker.StartAsync(TestContext.Current.CancellationToken);
            return worker;
        }
        catch
        {
            await worker.DisposeAsync();
            throw;
        }
    }
}
