using ChargeWatch.Core.Sites;

namespace ChargeWatch.Core.Detection;

/// <summary>
/// Makes one <see cref="DetectionEngine"/> per shard over shared, immutable site settings. All
/// engines share the alerts restored from the last run (each claims its own devices' alerts) and
/// one set of counters.
/// </summary>
public sealed class DetectionEngineFactory(SiteDirectory sites, RestoredAlerts? restored = null) : IDetectionEngineFactory
{
    public SiteDirectory Sites => sites;

    public RestoredAlerts Restored { get; } = restored ?? RestoredAlerts.None;

    public DetectionCounters Counters { get; } = new();

    public IDetectionEngine Create(int shard, int shardCount) => new DetectionEngine(sites, Restored, Counters);
}
