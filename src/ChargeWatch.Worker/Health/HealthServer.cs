using System.Net;

namespace ChargeWatch.Worker.Health;

/// <summary>
/// <c>GET /healthz</c> (200 ready, 503 with the reasons as JSON) and <c>GET /metrics</c> (Prometheus
/// text) on <see cref="HttpOptions.Urls"/>, served by <see cref="HttpListener"/>: two tiny routes
/// need no web framework in the worker. A URL it cannot listen on stops the start.
/// </summary>
public sealed class HealthServer(
    HttpOptions options,
    Func<HealthSignals> signals,
    WorkerMetrics metrics,
    ILogger<HealthServer> logger) : BackgroundService
{
    private const string MetricsContentType = "text/plain; version=0.0.4; charset=utf-8";

    private HttpListener? _listener;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Bound in StartAsync, not in ExecuteAsync, so a taken port fails the start itself.
        var prefixes = options.Prefixes();
        if (prefixes.Count > 0)
        {
            _listener = new HttpListener();
            foreach (var prefix in prefixes)
            {
                _listener.Prefixes.Add(prefix);
            }
            try
            {
                _listener.Start();
            }
            catch (HttpListenerException ex)
            {
                throw new InvalidOperationException($"{HttpOptions.Section}:Urls: cannot listen on {options.Urls}: {ex.Message}", ex);
            }
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Health and metrics on {Urls} (/healthz, /metrics)", options.Urls);
            }
        }
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_listener is not { } listener)
        {
            return;
        }
        using var stop = stoppingToken.Register(listener.Stop);
        while (!stoppingToken.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                break;
            }
            try
            {
                await RespondAsync(context, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or IOException or OperationCanceledException)
            {
                logger.LogDebug(ex, "Health request aborted");
            }
            finally
            {
                context.Response.Close();
            }
        }
    }

    public override void Dispose()
    {
        _listener?.Close();
        base.Dispose();
    }

    private async Task RespondAsync(HttpListenerContext context, CancellationToken ct)
    {
        var response = context.Response;
        if (context.Request.HttpMethod is not ("GET" or "HEAD"))
        {
            response.StatusCode = (int)HttpStatusCode.MethodNotAllowed;
            return;
        }
        switch (context.Request.Url?.AbsolutePath)
        {
            case "/healthz":
            case "/readyz":
                var report = HealthReport.Evaluate(signals());
                var body = report.ToUtf8();
                response.StatusCode = report.Ready ? (int)HttpStatusCode.OK : (int)HttpStatusCode.ServiceUnavailable;
                response.ContentType = "application/json";
                response.ContentLength64 = body.Length;
                await response.OutputStream.WriteAsync(body, ct).ConfigureAwait(false);
                break;
            case "/metrics":
                response.StatusCode = (int)HttpStatusCode.OK;
                response.ContentType = MetricsContentType;
                using (var buffer = new MemoryStream())
                {
                    await metrics.ExportAsync(buffer, ct).ConfigureAwait(false);
                    response.ContentLength64 = buffer.Length;
                    buffer.Position = 0;
                    await buffer.CopyToAsync(response.OutputStream, ct).ConfigureAwait(false);
                }
                break;
            default:
                response.StatusCode = (int)HttpStatusCode.NotFound;
                break;
        }
    }
}
