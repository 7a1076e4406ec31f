using System.Threading.Channels;

namespace ChargeWatch.Worker.Alerting;

/// <summary>
/// Delivery to one Alertmanager: its own disk queue, drained strictly in order, one loop. While the
/// queue is empty the loop re-posts the firing alerts when asked (every minute, and at once after
/// an outage, in case Alertmanager came back without its state). Unreachable: the change stays
/// queued and the loop waits, doubling up to a limit. Rejected (a 4xx): the change is set aside,
/// one by one, so one bad alert never holds back the rest.
/// </summary>
public sealed class AlertmanagerTarget
{
    private const int BatchChanges = 64;
    private const int RepostChunk = 500;

    private readonly AlertmanagerQueue _queue;
    private readonly AlertmanagerClient _client;
    private readonly Func<IReadOnlyList<AlertmanagerAlert>> _firing;
    private readonly TimeSpan _endsAhead;
    private readonly TimeSpan _maxRetryDelay;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private volatile bool _repostDue;
    private long _alertsPosted;
    private long _failedRounds;
    private long _rejectedChanges;

    public AlertmanagerTarget(
        Uri url,
        AlertmanagerQueue queue,
        AlertmanagerClient client,
        Func<IReadOnlyList<AlertmanagerAlert>> firing,
        AlertmanagerOptions options,
        TimeProvider time,
        ILogger logger)
    {
        Url = url;
        _queue = queue;
        _client = client;
        _firing = firing;
        _endsAhead = TimeSpan.FromSeconds(options.EndsAtAheadSeconds);
        _maxRetryDelay = TimeSpan.FromSeconds(options.MaxRetryDelaySeconds);
        _time = time;
        _logger = logger;
    }

    public Uri Url { get; }

    public bool Reachable { get; private set; } = true;

    public int QueuedChanges => _queue.Count;

    public long AlertsPosted => Interlocked.Read(ref _alertsPosted);

    public long FailedRounds => Interlocked.Read(ref _failedRounds);

    public long RejectedChanges => Interlocked.Read(ref _rejectedChanges);

    public long DroppedChanges => _queue.DroppedChanges;

    public void Enqueue(IReadOnlyList<AlertmanagerAlert> change)
    {
        _queue.Enqueue(change);
        _wake.Writer.TryWrite(true);
    }

    public void RequestRepost()
    {
        _repostDue = true;
        _wake.Writer.TryWrite(true);
    }

    public async Task RunAsync(CancellationToken ct)
    {
        var failures = 0;
        var batchLimit = BatchChanges;
        while (!ct.IsCancellationRequested)
        {
            var pending = _queue.Peek(batchLimit);
            DeliveryResult result;
            if (pending.Count > 0)
            {
                result = await PostAsync([.. pending.SelectMany(change => change.Alerts)], ct).ConfigureAwait(false);
                if (result.Outcome == DeliveryOutcome.Delivered)
                {
                    _queue.Remove(pending);
                    batchLimit = BatchChanges;
                }
                else if (result.Outcome == DeliveryOutcome.Rejected && pending.Count > 1)
                {
                    batchLimit = 1; // find the one Alertmanager refuses
                    continue;
                }
                else if (result.Outcome == DeliveryOutcome.Rejected)
                {
                    Interlocked.Increment(ref _rejectedChanges);
                    var ids = pending[0].Alerts.Select(a => a.Annotations.GetValueOrDefault("alert_id"));
                    _logger.LogError("Alertmanager {Url} refused an alert change, set aside: {Detail}; alerts {Alerts}",
                        Url, result.Detail, ids);
                    _queue.Remove(pending);
                    batchLimit = BatchChanges;
                    continue;
                }
            }
            else if (_repostDue)
            {
                _repostDue = false;
                result = await RepostAsync(ct).ConfigureAwait(false);
                if (result.Outcome == DeliveryOutcome.Unreachable)
                {
                    _repostDue = true;
                }
            }
            else
            {
                await _wake.Reader.ReadAsync(ct).ConfigureAwait(false);
                continue;
            }

            if (result.Outcome == DeliveryOutcome.Unreachable)
            {
                failures++;
                await WaitAfterFailureAsync(failures, result.Detail, ct).ConfigureAwait(false);
            }
            else if (failures > 0)
            {
                if (_logger.IsEnabled(LogLevel.Information))
                {
                    _logger.LogInformation("Alertmanager {Url} reachable again after {Failures} failed rounds; {Queued} changes queued",
                        Url, failures, _queue.Count);
                }
                failures = 0;
                Reachable = true;
                _repostDue = true; // it may have restarted without its state
            }
        }
    }

    private async Task<DeliveryResult> RepostAsync(CancellationToken ct)
    {
        var firing = _firing();
        for (var start = 0; start < firing.Count; start += RepostChunk)
        {
            var result = await PostAsync([.. firing.Skip(start).Take(RepostChunk)], ct).ConfigureAwait(false);
            if (result.Outcome != DeliveryOutcome.Delivered)
            {
                return result;
            }
        }
        return DeliveryResult.Delivered;
    }

    private async Task<DeliveryResult> PostAsync(IReadOnlyList<AlertmanagerAlert> alerts, CancellationToken ct)
    {
        var body = AlertmanagerJson.ToUtf8(alerts, _time.GetUtcNow(), _endsAhead);
        var result = await _client.PostAsync(body, ct).ConfigureAwait(false);
        if (result.Outcome == DeliveryOutcome.Delivered)
        {
            Interlocked.Add(ref _alertsPosted, alerts.Count);
        }
        return result;
    }

    private async Task WaitAfterFailureAsync(int failures, string? detail, CancellationToken ct)
    {
        Interlocked.Increment(ref _failedRounds);
        if (Reachable || failures % 20 == 0)
        {
            var queued = _queue.Count;
            _logger.LogWarning("Alertmanager {Url} unreachable ({Detail}); {Queued} changes queued on disk, retrying",
                Url, detail, queued);
        }
        Reachable = false;
        var delay = TimeSpan.FromMilliseconds(Math.Min(250 * Math.Pow(2, Math.Min(failures, 16)), _maxRetryDelay.TotalMilliseconds));
        await Task.Delay(delay, _time, ct).ConfigureAwait(false);
    }
}
