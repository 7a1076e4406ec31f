namespace ChargeWatch.Worker.Pipeline;

/// <summary>
/// The newest event time seen per site, and whether it moved far enough (≥ 1 s since the last
/// announcement) to announce to the engines. Kept on the ingest thread, so every shard receives the
/// same watermarks in the same order relative to the readings: replays stay deterministic.
/// </summary>
public sealed class SiteWatermarks
{
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(1);

    private readonly Dictionary<string, (DateTimeOffset Newest, DateTimeOffset Announced)> _sites = new(StringComparer.Ordinal);

    /// <summary>Records an event time; true (with the new watermark) when it should be announced.</summary>
    public bool Advance(string site, DateTimeOffset eventTime, out DateTimeOffset watermark)
    {
        if (!_sites.TryGetValue(site, out var state))
        {
            _sites[site] = (eventTime, eventTime);
            watermark = eventTime;
            return true;
        }
        if (eventTime <= state.Newest)
        {
            watermark = state.Newest;
            return false;
        }
        watermark = eventTime;
        if (eventTime - state.Announced >= Step)
        {
            _sites[site] = (eventTime, eventTime);
            return true;
        }
        _sites[site] = (eventTime, state.Announced);
        return false;
    }

    public DateTimeOffset? Of(string site) => _sites.TryGetValue(site, out var state) ? state.Newest : null;
}
