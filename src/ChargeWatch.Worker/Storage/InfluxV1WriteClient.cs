using System.Buffers;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ChargeWatch.Worker.Configuration;

namespace ChargeWatch.Worker.Storage;

/// <summary>
/// InfluxDB 1.x <c>POST /write?db=&amp;precision=ms</c> (every 1.x, also 1.6 which lacks
/// <c>/api/v2/write</c>). 204 is success; anything else becomes an <see cref="InfluxWriteException"/>.
/// </summary>
public sealed class InfluxV1WriteClient : IInfluxWriteClient
{
    private readonly HttpClient _http;
    private readonly Uri _writeUri;
    private readonly string? _token;
    private readonly bool _gzip;

    public InfluxV1WriteClient(HttpClient http, InfluxOptions options)
    {
        _http = http;
        _http.Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds);
        var query = "db=" + Uri.EscapeDataString(options.Bucket) + "&precision=ms";
        if (!string.IsNullOrEmpty(options.RetentionPolicy))
        {
            query += "&rp=" + Uri.EscapeDataString(options.RetentionPolicy);
        }
        _writeUri = new Uri(options.Url.TrimEnd('/') + "/write?" + query);
        _token = SecretFile.Resolve(options.Token, options.TokenFile);
        _gzip = options.Gzip;
    }

    public async Task WriteAsync(string lineProtocol, CancellationToken ct)
    {
        // A 5,000-line batch is half a megabyte of UTF-8: from the pool, not a new large-object-heap array per write.
        var utf8 = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(lineProtocol.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(lineProtocol, utf8);
            await SendAsync(utf8.AsMemory(0, length), ct);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(utf8);
        }
    }

    private async Task SendAsync(ReadOnlyMemory<byte> utf8, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _writeUri) { Content = Body(utf8) };
        if (!string.IsNullOrEmpty(_token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Token", _token);
        }
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, ct);
        }
        catch (HttpRequestException e)
        {
            throw new InfluxWriteException(0, "InfluxDB unreachable: " + e.Message, e);
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new InfluxWriteException(0, "InfluxDB write timed out", e);
        }
        using (response)
        {
            if (response.StatusCode is HttpStatusCode.NoContent or HttpStatusCode.OK)
            {
                return;
            }
            var body = await response.Content.ReadAsStringAsync(ct);
            throw new InfluxWriteException((int)response.StatusCode, $"InfluxDB answered {(int)response.StatusCode}: {Truncate(body)}");
        }
    }

    private HttpContent Body(ReadOnlyMemory<byte> utf8)
    {
        if (!_gzip)
        {
            var plain = new ReadOnlyMemoryContent(utf8);
            plain.Headers.ContentType = new MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" };
            return plain;
        }
        using var compressed = new MemoryStream();
        using (var zip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            zip.Write(utf8.Span);
        }
        var content = new ByteArrayContent(compressed.GetBuffer(), 0, (int)compressed.Length);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" };
        content.Headers.ContentEncoding.Add("gzip");
        return content;
    }

    internal static string Truncate(string text) => text.Length <= 1000 ? text.Trim() : text[..1000] + "…";
}
