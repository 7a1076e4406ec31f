using Polly;
using Polly.Retry;
using Polly.Timeout;
using System.Net;
using System.Net.Http.Headers;

namespace ChargeWatch.Worker.Alerting;

/// <summary>
/// Posts alert arrays to one Alertmanager's <c>/api/v2/alerts</c> through one Polly pipeline (a few
/// quick retries, each attempt with a timeout). The caller decides what happens after the retries:
/// keep the change queued (unreachable) or set it aside (rejected: Alertmanager will never take it).
/// </summary>
public sealed class AlertmanagerClient
{
    private readonly HttpClient _http;
    private readonly Uri _alertsUri;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public AlertmanagerClient(HttpClient http, Uri baseUrl, TimeSpan attemptTimeout, TimeProvider time)
    {
        _http = http;
        _alertsUri = new Uri(baseUrl, baseUrl.AbsolutePath.TrimEnd('/') + "/api/v2/alerts");
        _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = 2,
                Delay = TimeSpan.FromMilliseconds(200),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(response => IsTransient(response.StatusCode)),
            })
            .AddTimeout(attemptTimeout)
            .Build();
    }

    public Uri AlertsUri => _alertsUri;

    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    public async Task<DeliveryResult> PostAsync(byte[] body, CancellationToken ct)
    {
        try
        {
            using var response = await _pipeline.ExecuteAsync(
                async token =>
                {
                    using var content = new ByteArrayContent(body);
                    content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                    return await _http.PostAsync(_alertsUri, content, token).ConfigureAwait(false);
                },
                ct).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return DeliveryResult.Delivered;
            }
            var detail = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            return IsTransient(response.StatusCode)
                ? DeliveryResult.Unreachable($"HTTP {(int)response.StatusCode}: {detail}")
                : DeliveryResult.Rejected($"HTTP {(int)response.StatusCode}: {detail}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException
                                       || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return DeliveryResult.Unreachable(ex.Message);
        }
    }
}

public enum DeliveryOutcome
{
    Delivered,
    Unreachable,
    Rejected,
}

public readonly record struct DeliveryResult(DeliveryOutcome Outcome, string? Detail)
{
    public static DeliveryResult Delivered => new(DeliveryOutcome.Delivered, null);

    public static DeliveryResult Unreachable(string detail) => new(DeliveryOutcome.Unreachable, detail);

    public static DeliveryResult Rejected(string detail) => new(DeliveryOutcome.Rejected, detail);
}
