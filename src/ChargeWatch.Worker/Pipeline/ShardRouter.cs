using ChargeWatch.Core.Contract;

namespace ChargeWatch.Worker.Pipeline;

/// <summary>
/// Chooses the shard of a device: by (site, shed) where the shed is known, so that a shed's feeder,
/// chargers and sensors meet in one engine, else by (site, device). A device keeps the shard it
/// was first given, so a later status message (which names no shed) reaches the same engine.
/// The hash is FNV-1a over the key's characters: stable across runs, unlike string.GetHashCode.
/// Not thread-safe: owned by the pipeline thread.
/// </summary>
public sealed class ShardRouter(int shardCount)
{
    private const int MaxRemembered = 500_000;
    private readonly Dictionary<DeviceKey, int> _assigned = [];

    public int ShardCount => shardCount;

    public int ShardOf(DeviceKey device, string? shed)
    {
        if (_assigned.TryGetValue(device, out var shard))
        {
            return shard;
        }
        shard = shed is null
            ? Bucket(device.Site, device.Kind.ToTopicName() + "/" + device.Device)
            : Bucket(device.Site, "shed/" + shed);
        if (_assigned.Count >= MaxRemembered)
        {
            _assigned.Clear();
        }
        _assigned[device] = shard;
        return shard;
    }

    private int Bucket(string site, string key)
    {
        var hash = 2166136261u;
        foreach (var c in site)
        {
            hash = (hash ^ c) * 16777619u;
        }
        hash = (hash ^ '|') * 16777619u;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return (int)(hash % (uint)shardCount);
    }
}
