namespace ChargeWatch.Core.Detection;

/// <summary>
/// Which shard owns a site. Every device of a site lands in one engine, so rules that relate
/// devices (<c>flywire.tap</c>: a feeder and its shed's piles; <c>offline</c>: the site's watermark)
/// see them together whatever order messages arrive in — a retained status before any telemetry
/// names no shed, and a shed named only in payloads can change. One site on one core is ample:
/// rules cost about a microsecond per port reading; parallelism comes from having several sites.
/// </summary>
public static class SiteShards
{
    /// <summary>FNV-1a over the site name: stable across processes and runs, unlike string.GetHashCode.</summary>
    public static int ShardOf(string site, int shardCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shardCount, 1);
        var hash = 2166136261u;
        foreach (var c in site)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return (int)(hash % (uint)shardCount);
    }
}
