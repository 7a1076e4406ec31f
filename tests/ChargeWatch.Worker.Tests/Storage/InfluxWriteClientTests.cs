using System.Text;
using ChargeWatch.Testing;
using ChargeWatch.Worker.Configuration;
using ChargeWatch.Worker.Storage;

namespace ChargeWatch.Worker.Tests.Storage;

/// <summary>Both write APIs against a real InfluxDB (1.6.7; v2 through the write front).</summary>
public sealed class InfluxWriteClientTests(InfluxServer server) : IClassFixture<InfluxServer>
{
    private const string Lines =
        "port,charger=c01,port=1,shed=shed-a,site=s1 a=1.12,v=221.3,state=\"charging\" 1783510200000\n" +
        "port,charger=c01,port=2,shed=shed-a,site=s1 a=0,state=\"idle\" 1783510200000\n" +
        "sensor,sensor=t1,site=s1 tempC=41.5,smoke=false 1783510201000\n";

    private static ReadOnlyMemory<byte> Utf8(string lines) => Encoding.UTF8.GetBytes(lines);

    private async Task<(IInfluxWriteClient Client, string Database)> CreateAsync(string api, bool gzip = false)
    {
        var database = "db_" + Guid.NewGuid().ToString("N")[..8];
        await server.Influx.CreateDatabaseAsync(database, TestContext.Current.CancellationToken);
        var options = new InfluxOptions
        {
            Api = api,
            Url = api == "v1" ? server.Influx.Url : server.Front.Url,
            Bucket = database,
            Gzip = gzip,
            Token = "any",
        };
        IInfluxWriteClient client = api == "v1" ? new InfluxV1WriteClient(new HttpClient(), options) : new InfluxV2WriteClient(options);
        return (client, database);
    }

    [Theory]
    [InlineData("v1", false)]
    [InlineData("v1", true)]
    [InlineData("v2", false)]
    public async Task WriteAsync_Batch_StoredWithTagsFieldsAndMillisecondTimes(string api, bool gzip)
    {
        var (client, database) = await CreateAsync(api, gzip);
        await client.WriteAsync(Utf8(Lines), TestContext.Current.CancellationToken);

        var ports = await server.Influx.QueryAsync(database, "SELECT a, v, state, port FROM port WHERE charger = 'c01' ORDER BY time", TestContext.Current.CancellationToken);
        var rows = Assert.Single(ports).Rows;
        Assert.Equal(2, rows.Count);
        Assert.Equal(1783510200000, rows[0].TimeMs);
        Assert.Equal(1.12, rows[0].Number("a"));
        Assert.Equal(221.3, rows[0].Number("v"));
        Assert.Equal("charging", rows[0].Text("state"));
        Assert.Equal("idle", rows[1].Text("state"));
        var sensor = Assert.Single(await server.Influx.QueryAsync(database, "SELECT tempC, smoke FROM sensor", TestContext.Current.CancellationToken)).Rows.Single();
        Assert.Equal((1783510201000L, 41.5, false), (sensor.TimeMs, sensor.Number("tempC"), sensor.Flag("smoke")));
        (client as IDisposable)?.Dispose();
    }

    [Theory]
    [InlineData("v1")]
    [InlineData("v2")]
    public async Task WriteAsync_SameBatchTwice_LeavesOnePointEach(string api)
    {
        var (client, database) = await CreateAsync(api);
        await client.WriteAsync(Utf8(Lines), TestContext.Current.CancellationToken);
        await client.WriteAsync(Utf8(Lines), TestContext.Current.CancellationToken);
        Assert.Equal(2, await server.Influx.Client.CountAsync(database, "SELECT COUNT(a) FROM port", TestContext.Current.CancellationToken));
        (client as IDisposable)?.Dispose();
    }

    [Theory]
    [InlineData("v1")]
    [InlineData("v2")]
    public async Task WriteAsync_MalformedLine_ThrowsPoisonNamingTheLine(string api)
    {
        var (client, _) = await CreateAsync(api);
        var error = await Assert.ThrowsAsync<InfluxWriteException>(() =>
            client.WriteAsync(Utf8("good f=1 1783510200000\nbroken line-without-fields 1783510200000\n"), TestContext.Current.CancellationToken));
        Assert.Equal(400, error.StatusCode);
        Assert.Equal(WriteFailureKind.Poison, error.Kind);
        Assert.Contains("broken", error.Message, StringComparison.Ordinal);
        (client as IDisposable)?.Dispose();
    }

    [Theory]
    [InlineData("v1")]
    [InlineData("v2")]
    public async Task WriteAsync_NobodyListening_ThrowsTransientStatusZero(string api)
    {
        var options = new InfluxOptions { Api = api, Url = $"http://127.0.0.1:{FreePort.Next()}", Bucket = "x", TimeoutSeconds = 5 };
        IInfluxWriteClient client = api == "v1" ? new InfluxV1WriteClient(new HttpClient(), options) : new InfluxV2WriteClient(options);
        var error = await Assert.ThrowsAsync<InfluxWriteException>(() => client.WriteAsync(Utf8(Lines), TestContext.Current.CancellationToken));
        Assert.Equal(0, error.StatusCode);
        Assert.Equal(WriteFailureKind.Transient, error.Kind);
        (client as IDisposable)?.Dispose();
    }

    [Fact]
    public async Task WriteAsync_V2ServerAnswers503_ThrowsTransientWithStatus()
    {
        var (client, _) = await CreateAsync("v2");
        server.Front.WriteFault = _ => System.Net.HttpStatusCode.ServiceUnavailable;
        try
        {
            var error = await Assert.ThrowsAsync<InfluxWriteException>(() => client.WriteAsync(Utf8(Lines), TestContext.Current.CancellationToken));
            Assert.Equal(503, error.StatusCode);
            Assert.Equal(WriteFailureKind.Transient, error.Kind);
        }
        finally
        {
            server.Front.WriteFault = null;
            (client as IDisposable)?.Dispose();
        }
    }
}
