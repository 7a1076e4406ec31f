using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChargeWatch.Testing;

/// <summary>
/// Gives Debian's InfluxDB 1.6.7 the <c>/api/v2/write</c> endpoint that 1.8+ has natively, so the
/// worker's v2 path (InfluxDB.Client) runs against a real database: bucket → db (a <c>db/rp</c>
/// bucket selects the retention policy too, as 1.8 does), v2 precision → v1 precision, any
/// <c>Authorization: Token …</c> accepted, gzip bodies passed through, InfluxDB's status codes and
/// error bodies passed back, 503 while InfluxDB is unreachable. <c>/ping</c>, <c>/query</c> and
/// <c>/health</c> work too. A small Kestrel app on a free loopback port.
/// </summary>
public sealed class InfluxV2WriteFront : IAsyncDisposable
{
    private static readonly string[] ForwardedResponseHeaders = ["X-Influxdb-Error", "X-Influxdb-Version", "X-Influxdb-Build", "Request-Id"];

    private readonly WebApplication _app;
    private readonly HttpClient _backend;
    private long _writesForwarded;
    private long _writesRefused;

    private InfluxV2WriteFront(string influxUrl)
    {
        InfluxUrl = influxUrl;
        _backend = new HttpClient { BaseAddress = new Uri(influxUrl), Timeout = TimeSpan.FromSeconds(30) };
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.Limits.MaxRequestBodySize = null;
        });
        _app = builder.Build();
        _app.MapPost("/api/v2/write", WriteAsync);
        _app.MapMethods("/ping", ["GET", "HEAD"], ForwardAsync);
        _app.MapMethods("/query", ["GET", "POST"], ForwardAsync);
        _app.MapGet("/health", HealthAsync);
    }

    /// <summary>Base URL of the front, e.g. <c>http://127.0.0.1:41234</c>: give it to the worker as <c>Influx:Url</c>.</summary>
    public string Url { get; private set; } = "";

    public string InfluxUrl { get; }

    /// <summary>When set, writes without <c>Authorization: Token {RequiredToken}</c> get 401, as a real v2 server answers.</summary>
    public string? RequiredToken { get; set; }

    /// <summary>When it returns a status code, a write is answered with it instead of being forwarded (fault injection).</summary>
    public Func<HttpRequest, HttpStatusCode?>? WriteFault { get; set; }

    /// <summary>Writes InfluxDB answered (any status).</summary>
    public long WritesForwarded => Interlocked.Read(ref _writesForwarded);

    /// <summary>Writes answered by the front itself: bad request, bad token, injected fault, InfluxDB unreachable.</summary>
    public long WritesRefused => Interlocked.Read(ref _writesRefused);

    public static async Task<InfluxV2WriteFront> StartAsync(string influxUrl, CancellationToken cancellationToken = default)
    {
        var front = new InfluxV2WriteFront(influxUrl);
        try
        {
            await front._app.StartAsync(cancellationToken);
            front.Url = front._app.Urls.Single().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
            return front;
        }
        catch
        {
            await front.DisposeAsync();
            throw;
        }
    }

    /// <summary>Maps a v2 precision (ns, us, ms, s; ns when absent) to the v1 name; null when unknown.</summary>
    public static string? MapPrecision(string? v2Precision) => v2Precision switch
    {
        null or "" or "ns" => "ns",
        "us" => "u",
        "ms" => "ms",
        "s" => "s",
        _ => null,
    };

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _backend.Dispose();
    }

    private async Task WriteAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var bucket = query["bucket"].ToString();
        var precision = MapPrecision(query["precision"].ToString());
        if (bucket.Length == 0)
        {
            await RefuseAsync(context, HttpStatusCode.BadRequest, "invalid", "bucket is required");
            return;
        }
        if (precision is null)
        {
            await RefuseAsync(context, HttpStatusCode.BadRequest, "invalid", $"invalid precision '{query["precision"]}'");
            return;
        }
        if (RequiredToken is not null && context.Request.Headers.Authorization.ToString() != $"Token {RequiredToken}")
        {
            await RefuseAsync(context, HttpStatusCode.Unauthorized, "unauthorized", "unauthorized access");
            return;
        }
        if (WriteFault?.Invoke(context.Request) is { } injected)
        {
            await RefuseAsync(context, injected, "internal error", "injected fault");
            return;
        }
        var slash = bucket.IndexOf('/', StringComparison.Ordinal);
        var target = slash < 0
            ? $"/write?db={Uri.EscapeDataString(bucket)}&precision={precision}"
            : $"/write?db={Uri.EscapeDataString(bucket[..slash])}&rp={Uri.EscapeDataString(bucket[(slash + 1)..])}&precision={precision}";
        if (await SendAsync(context, HttpMethod.Post, target, withBody: true))
        {
            Interlocked.Increment(ref _writesForwarded);
        }
    }

    private async Task ForwardAsync(HttpContext context) =>
        await SendAsync(context, new HttpMethod(context.Request.Method), context.Request.Path + context.Request.QueryString,
            withBody: HttpMethods.IsPost(context.Request.Method));

    // 1.6.7 has no /health (1.8 added it): answer in 1.8's shape from a /ping.
    private async Task HealthAsync(HttpContext context)
    {
        var healthy = false;
        string? version = null;
        try
        {
            using var ping = await _backend.GetAsync(new Uri("/ping", UriKind.Relative), context.RequestAborted);
            healthy = ping.StatusCode == HttpStatusCode.NoContent;
            version = ping.Headers.TryGetValues("X-Influxdb-Version", out var values) ? values.FirstOrDefault() : null;
        }
        catch (HttpRequestException)
        {
        }
        context.Response.StatusCode = healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
        await context.Response.WriteAsJsonAsync(new Dictionary<string, object?>
        {
            ["name"] = "influxdb",
            ["message"] = healthy ? "ready for queries and writes" : "InfluxDB is unreachable",
            ["status"] = healthy ? "pass" : "fail",
            ["checks"] = Array.Empty<object>(),
            ["version"] = version,
        }, context.RequestAborted);
    }

    /// <summary>Forwards the request; false when InfluxDB could not be reached (answered 503 then).</summary>
    private async Task<bool> SendAsync(HttpContext context, HttpMethod method, string target, bool withBody)
    {
        using var request = new HttpRequestMessage(method, new Uri(target, UriKind.Relative));
        if (withBody)
        {
            request.Content = new StreamContent(context.Request.Body);
            if (context.Request.ContentType is { } contentType)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
            foreach (var encoding in context.Request.Headers.ContentEncoding)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Encoding", encoding);
            }
        }
        HttpResponseMessage response;
        try
        {
            response = await _backend.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        }
        catch (HttpRequestException e)
        {
            await RefuseAsync(context, HttpStatusCode.ServiceUnavailable, "unavailable", $"InfluxDB at {InfluxUrl} is unreachable: {e.Message}");
            return false;
        }
        using (response)
        {
            context.Response.StatusCode = (int)response.StatusCode;
            foreach (var name in ForwardedResponseHeaders)
            {
                if (response.Headers.TryGetValues(name, out var values))
                {
                    context.Response.Headers[name] = values.ToArray();
                }
            }
            if (response.Content.Headers.ContentType is { } type)
            {
                context.Response.ContentType = type.ToString();
            }
            await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
        }
        return true;
    }

    private async Task RefuseAsync(HttpContext context, HttpStatusCode status, string code, string message)
    {
        Interlocked.Increment(ref _writesRefused);
        context.Response.StatusCode = (int)status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new { code, message }), context.RequestAborted);
    }
}
