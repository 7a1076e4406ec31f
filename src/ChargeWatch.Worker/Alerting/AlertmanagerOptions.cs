using System.ComponentModel.DataAnnotations;

namespace ChargeWatch.Worker.Alerting;

/// <summary>
/// Section <c>ChargeWatch:Alertmanager</c>. With no <see cref="Urls"/> the Alertmanager sink is off.
/// Every URL gets every alert (an HA pair deduplicates between its members).
/// </summary>
public sealed class AlertmanagerOptions
{
    public const string Section = "ChargeWatch:Alertmanager";

    /// <summary>Alertmanager base URLs, e.g. <c>http://127.0.0.1:9093</c>.</summary>
    public List<string> Urls { get; set; } = [];

    /// <summary>Grafana base URL that dashboard links in annotations start with.</summary>
    public string GrafanaUrl { get; set; } = "http://localhost:3000";

    /// <summary>How often firing alerts are posted again so Alertmanager never resolves them on its own.</summary>
    [Range(1, 3600)]
    public int RepostIntervalSeconds { get; set; } = 60;

    /// <summary>How far ahead of each post a firing alert's <c>endsAt</c> lies: several re-post intervals.</summary>
    [Range(2, 86_400)]
    public int EndsAtAheadSeconds { get; set; } = 300;

    /// <summary>Timeout of one HTTP attempt.</summary>
    [Range(1, 300)]
    public int RequestTimeoutSeconds { get; set; } = 5;

    /// <summary>Longest wait between two delivery rounds while an Alertmanager is unreachable.</summary>
    [Range(1, 600)]
    public int MaxRetryDelaySeconds { get; set; } = 5;

    /// <summary>Upper bound of alert changes queued on disk per Alertmanager; the oldest are dropped beyond it.</summary>
    [Range(10, 10_000_000)]
    public int MaxQueuedChanges { get; set; } = 100_000;

    /// <summary>Global rule → team map (rule id, or a prefix ending in <c>*</c>); sites override it under <c>Sites:{site}:Teams</c>.</summary>
    public Dictionary<string, string> Teams { get; set; } = new(StringComparer.Ordinal);
}
