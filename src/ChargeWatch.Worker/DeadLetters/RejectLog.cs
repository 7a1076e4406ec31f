using ChargeWatch.Core.Parsing;

namespace ChargeWatch.Worker.DeadLetters;

/// <summary>
/// Logs rejected messages without flooding the log: the first of each (reason, topic) at once,
/// then at most one line per reason every <see cref="Interval"/>, with how many were suppressed.
/// Not thread-safe: owned by the pipeline thread.
/// </summary>
public sealed class RejectLog(ILogger<RejectLog> logger, TimeProvider time)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);
    private const int MaxRememberedTopics = 10_000;

    private readonly HashSet<(RejectReason, string)> _seen = [];
    private readonly Dictionary<RejectReason, (DateTimeOffset LastLogged, long Suppressed)> _byReason = [];

    public void Rejected(string topic, ParseError error)
    {
        var now = time.GetUtcNow();
        if (_seen.Count >= MaxRememberedTopics)
        {
            _seen.Clear();
        }
        var first = _seen.Add((error.Reason, topic));
        _byReason.TryGetValue(error.Reason, out var state);
        if (first || now - state.LastLogged >= Interval)
        {
            if (state.Suppressed > 0)
            {
                logger.LogWarning("Rejected message on {Topic}: {Error} ({Suppressed} more rejected for {Reason} since the last report)",
                    topic, error.ToString(), state.Suppressed, error.Reason.ToName());
            }
            else
            {
                logger.LogWarning("Rejected message on {Topic}: {Error}", topic, error.ToString());
            }
            _byReason[error.Reason] = (now, 0);
        }
        else
        {
            _byReason[error.Reason] = (state.LastLogged, state.Suppressed + 1);
        }
    }
}
