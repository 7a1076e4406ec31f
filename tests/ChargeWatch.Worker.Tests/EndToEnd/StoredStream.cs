using ChargeWatch.Testing;

namespace ChargeWatch.Worker.Tests.EndToEnd;

/// <summary>Checks that every reading a <see cref="TelemetryStream"/> published is in InfluxDB.</summary>
public static class StoredStream
{
    /// <summary>
    /// Waits until <c>charger</c> holds one point per published reading and <c>port</c> two; each
    /// reading has its own event time, so equal counts mean nothing is missing and nothing extra.
    /// </summary>
    public static async Task AssertNothingMissingAsync(
        InfluxQueryClient influx, string database, TelemetryStream stream, WorkerProcess worker, TimeSpan timeout)
    {
        var published = stream.Published;
        Assert.True(published > 0, "the stream published nothing");
        (long Chargers, long Ports) stored = default;
        try
        {
            stored = await Eventually.UntilAsync(
                async () => (await influx.CountPointsAsync(database, "charger", stream.Site),
                             await influx.CountPointsAsync(database, "port", stream.Site)),
                counts => counts.Item1 >= published && counts.Item2 >= 2 * published,
                timeout, $"all {published} published readings stored", TimeSpan.FromSeconds(1));
        }
        catch (TimeoutException e)
        {
            Assert.Fail($"{e.Message}\n{worker.LogTail(60)}");
        }
        Assert.Equal(published, stored.Chargers);
        Assert.Equal(2 * published, stored.Ports);
    }
}
