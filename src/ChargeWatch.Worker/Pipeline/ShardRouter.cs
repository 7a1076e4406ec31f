using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Detection;

namespace ChargeWatch.Worker.Pipeline;

/// <summary>Chooses the shard of a device: the shard of its site (see <see cref="SiteShards"/>).</summary>
public sealed class ShardRouter(int shardCount)
{
    public int ShardCount => shardCount;

    public int ShardOf(DeviceKey device) => SiteShards.ShardOf(device.Site, shardCount);
}
