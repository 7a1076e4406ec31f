namespace ChargeWatch.Worker.Alerting;

/// <summary>
/// One alert as Alertmanager knows it. A firing alert has no end of its own: every post gives it an
/// <c>endsAt</c> a few minutes ahead of that post, so a queued or re-posted alert never arrives
/// already expired. <see cref="ResolvedAt"/> is set once the condition ended.
/// </summary>
public sealed record AlertmanagerAlert
{
    public required SortedDictionary<string, string> Labels { get; init; }

    public required SortedDictionary<string, string> Annotations { get; init; }

    public required DateTimeOffset StartsAt { get; init; }

    public DateTimeOffset? ResolvedAt { get; init; }

    public required string GeneratorUrl { get; init; }

    public bool IsFiring => ResolvedAt is null;

    /// <summary>Same labels means the same alert to Alertmanager.</summary>
    public bool HasSameLabels(AlertmanagerAlert other) =>
        Labels.Count == other.Labels.Count
        && Labels.All(pair => other.Labels.TryGetValue(pair.Key, out var value) && value == pair.Value);

    /// <summary>The resolution of this alert: same labels, ended at <paramref name="at"/>.</summary>
    public AlertmanagerAlert ResolvedAs(DateTimeOffset at) =>
        this with { ResolvedAt = at < StartsAt ? StartsAt : at };
}
