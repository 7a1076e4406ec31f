namespace ChargeWatch.Core.Rules.Offline;

/// <summary>The devices of one site in this shard, and a lower bound of the earliest time one of them counts as silent.</summary>
internal sealed class OfflineSiteWatch
{
    public List<OfflineState> Devices { get; } = [];

    /// <summary>No device is silent before this: a watermark below it needs no scan.</summary>
    public DateTimeOffset EarliestSilence { get; set; } = DateTimeOffset.MaxValue;
}
