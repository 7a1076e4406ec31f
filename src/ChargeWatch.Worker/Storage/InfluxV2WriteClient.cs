using System.Text;
using ChargeWatch.Worker.Configuration;
using InfluxDB.Client;
using InfluxDB.Client.Api.Domain;
using InfluxDB.Client.Core.Exceptions;

namespace ChargeWatch.Worker.Storage;

/// <summary>
/// InfluxDB 2.x / 3.x / 1.8+ through InfluxDB.Client's <see cref="WriteApiAsync"/> — not its
/// batching <c>WriteApi</c>, whose unbounded buffer and own retries would break at-least-once.
/// </summary>
public sealed class InfluxV2WriteClient : IInfluxWriteClient, IDisposable
{
    private readonly InfluxDBClient _client;
    private readonly WriteApiAsync _writeApi;
    private readonly string _bucket;
    private readonly string _org;

    public InfluxV2WriteClient(InfluxOptions options)
    {
        var builder = new InfluxDBClientOptions.Builder()
            .Url(options.Url)
            .TimeOut(TimeSpan.FromSeconds(options.TimeoutSeconds))
            .Bucket(options.Bucket);
        var token = SecretFile.Resolve(options.Token, options.TokenFile);
        if (!string.IsNullOrEmpty(token))
        {
            builder = builder.AuthenticateToken(token);
        }
        // InfluxDB 1.8 ignores the organisation but the client insists on one; "-" is the documented placeholder.
        _org = string.IsNullOrWhiteSpace(options.Org) ? "-" : options.Org;
        builder = builder.Org(_org);
        _client = new InfluxDBClient(builder.Build());
        _writeApi = _client.GetWriteApiAsync();
        _bucket = options.Bucket;
    }

    public async Task WriteAsync(ReadOnlyMemory<byte> lineProtocol, CancellationToken ct)
    {
        // The client takes records as strings only.
        var text = Encoding.UTF8.GetString(lineProtocol.Span);
        try
        {
            await _writeApi.WriteRecordAsync(text, WritePrecision.Ms, _bucket, _org, ct);
        }
        catch (HttpException e)
        {
            throw new InfluxWriteException(e.Status, $"InfluxDB answered {e.Status}: {InfluxV1WriteClient.Truncate(e.Message)}", e);
        }
        catch (HttpRequestException e)
        {
            throw new InfluxWriteException(0, "InfluxDB unreachable: " + e.Message, e);
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new InfluxWriteException(0, "InfluxDB write timed out", e);
        }
    }

    public void Dispose() => _client.Dispose();
}
