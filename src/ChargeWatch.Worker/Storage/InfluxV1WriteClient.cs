using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
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
        _writeUri = new Uri(options.Url.TrimEnd('/') + "/write?" + options.V1DatabaseQuery() + "&precision=ms");
        _token = SecretFile.Resolve(options.Token, options.TokenFile);
        _gzip = options.Gzip;
    }

    public async Task WriteAsync(ReadOnlyMemory<byte> lineProtocol, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _writeUri) { Content = Body(lineProtocol) };
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
