using System.IO.Compression;
using System.Net;
using System.Text;
using ChargeWatch.Testing;

namespace ChargeWatch.Worker.Tests.EndToEnd.Harness;

/// <summary>The v2 front must behave like InfluxDB 1.8's <c>/api/v2/write</c>, or the v2 tests prove nothing.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class InfluxV2WriteFrontTests(EndToEndServices services) : IDisposable
{
    private readonly HttpClient _http = new();

    [Theory]
    [InlineData("ns", 1_783_517_400_123_000_000L)]
    [InlineData("us", 1_783_517_400_123_000L)]
    [InlineData("ms", 1_783_517_400_123L)]
    [InlineData(null, 1_783_517_400_123_000_000L)]
    public async Task Write_V2Precision_StoredAtTheSameInstant(string? precision, long timestamp)
    {
        var database = await NewDatabaseAsync();
        var query = precision is null ? "" : $"&precision={precision}";

        using var response = await PostAsync($"/api/v2/write?org=o&bucket={database}{query}", $"m,site=a f=1 {timestamp}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var row = Assert.Single((await services.Influx.QueryAsync(database, "SELECT f FROM m", TestContext.Current.CancellationToken))[0].Rows);
        Assert.Equal(1_783_517_400_123L, row.TimeMs);
    }

    [Fact]
    public async Task Write_GzipBodyAndToken_Stored()
    {
        var database = await NewDatabaseAsync();
        var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            await gzip.WriteAsync(Encoding.UTF8.GetBytes("m f=1 1000\nm f=2 2000\n"), TestContext.Current.CancellationToken);
        }
        using var content = new ByteArrayContent(compressed.ToArray());
        content.Headers.ContentEncoding.Add("gzip");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{services.Front.Url}/api/v2/write?org=o&bucket={database}&precision=ms") { Content = content };
        request.Headers.TryAddWithoutValidation("Authorization", $"Token {WorkerProcess.TestToken}");

        using var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var stored = (await services.Influx.QueryAsync(database, "SELECT f FROM m", TestContext.Current.CancellationToken))[0].Rows;
        Assert.Equal([1.0, 2.0], stored.Select(r => r.Number("f")!.Value));
    }

    [Fact]
    public async Task Write_BucketWithRetentionPolicy_WritesToThatPolicy()
    {
        var database = await NewDatabaseAsync();
        await services.Influx.QueryAsync(database, $"CREATE RETENTION POLICY week ON \"{database}\" DURATION 7d REPLICATION 1", TestContext.Current.CancellationToken);

        using var response = await PostAsync($"/api/v2/write?bucket={database}/week&precision=s", $"m f=1 {DateTimeOffset.UtcNow.ToUnixTimeSeconds()}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Single((await services.Influx.QueryAsync(database, "SELECT f FROM week.m", TestContext.Current.CancellationToken))[0].Rows);
    }

    [Fact]
    public async Task Write_BadLine_InfluxDbStatusAndErrorPassedBack()
    {
        var database = await NewDatabaseAsync();

        using var response = await PostAsync($"/api/v2/write?bucket={database}&precision=ms", "not line protocol");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("unable to parse", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v2/write?precision=ms")]
    [InlineData("/api/v2/write?bucket=x&precision=minutes")]
    public async Task Write_MissingBucketOrUnknownPrecision_BadRequest(string path)
    {
        using var response = await PostAsync(path, "m f=1");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-token")]
    public async Task Write_WithoutTheRequiredToken_Unauthorized(string? token)
    {
        var database = await NewDatabaseAsync();

        using var response = await PostAsync($"/api/v2/write?bucket={database}&precision=ms", "m f=1 1", token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Write_InfluxDbDown_ServiceUnavailableUntilItIsBack()
    {
        await using var influx = await InfluxDbProcess.StartNewAsync(TestContext.Current.CancellationToken);
        await influx.CreateDatabaseAsync("db", TestContext.Current.CancellationToken);
        await using var front = await InfluxV2WriteFront.StartAsync(influx.Url, TestContext.Current.CancellationToken);
        await influx.StopAsync(TestContext.Current.CancellationToken);

        using var down = await _http.PostAsync($"{front.Url}/api/v2/write?bucket=db&precision=ms", new StringContent("m f=1 1"), TestContext.Current.CancellationToken);
        using var unhealthy = await _http.GetAsync($"{front.Url}/health", TestContext.Current.CancellationToken);
        await influx.StartAsync(TestContext.Current.CancellationToken);
        using var back = await _http.PostAsync($"{front.Url}/api/v2/write?bucket=db&precision=ms", new StringContent("m f=1 1"), TestContext.Current.CancellationToken);
        using var healthy = await _http.GetAsync($"{front.Url}/health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unhealthy.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, back.StatusCode);
        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
    }

    [Fact]
    public async Task PingAndQuery_Forwarded()
    {
        using var ping = await _http.GetAsync($"{services.Front.Url}/ping", TestContext.Current.CancellationToken);
        using var query = await _http.GetAsync($"{services.Front.Url}/query?q=SHOW%20DATABASES", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, ping.StatusCode);
        Assert.Equal(HttpStatusCode.OK, query.StatusCode);
        Assert.Contains("databases", await query.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    public void Dispose() => _http.Dispose();

    private async Task<string> NewDatabaseAsync()
    {
        var database = $"front_{Guid.NewGuid().ToString("N")[..8]}";
        await services.Influx.CreateDatabaseAsync(database, TestContext.Current.CancellationToken);
        return database;
    }

    private async Task<HttpResponseMessage> PostAsync(string pathAndQuery, string lines, string? token = WorkerProcess.TestToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, services.Front.Url + pathAndQuery) { Content = new StringContent(lines) };
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", $"Token {token}");
        }
        return await _http.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
