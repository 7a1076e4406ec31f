using ChargeWatch.Worker.Configuration;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace ChargeWatch.Worker.Storage;

/// <summary>
/// The one Polly pipeline that owns write retries: retry transient failures with exponential
/// backoff and jitter, inside it a circuit breaker so that, once InfluxDB is known to be down,
/// further batches fail at once (and go to the spool) instead of each waiting out its retries.
/// Poison failures pass straight through.
/// </summary>
public static class WriteResilience
{
    public static ResiliencePipeline Create(InfluxOptions options, TimeProvider time, TimeSpan? baseDelay = null, TimeSpan? breakDuration = null)
    {
        var transient = new PredicateBuilder().Handle<InfluxWriteException>(e => e.Kind == WriteFailureKind.Transient);
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = transient,
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = baseDelay ?? TimeSpan.FromMilliseconds(500),
                MaxDelay = TimeSpan.FromSeconds(10),
            });
        }
        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            ShouldHandle = transient,
            FailureRatio = 0.5,
            // Enough attempts that one flaky batch (a few retries) never opens it; a dead InfluxDB does within three batches.
            MinimumThroughput = 10,
            SamplingDuration = TimeSpan.FromSeconds(30),
            BreakDuration = breakDuration ?? TimeSpan.FromSeconds(5),
        });
        return builder.Build();
    }

    /// <summary>The write failed for a reason worth trying again later (transient, or the circuit is open).</summary>
    public static bool ShouldSpool(Exception exception) =>
        WriteFailures.IsTransient(exception) || exception is BrokenCircuitException;
}
