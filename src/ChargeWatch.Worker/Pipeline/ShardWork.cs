using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Readings;

namespace ChargeWatch.Worker.Pipeline;

/// <summary>One item for a shard's engine: a reading, a status change, or a site watermark.</summary>
public readonly record struct ShardWork(Reading? Reading, DeviceKey Device, bool Online, string? Site, DateTimeOffset Watermark)
{
    public static ShardWork ForReading(Reading reading) => new(reading, reading.Device, false, null, default);

    public static ShardWork ForStatus(DeviceKey device, bool online) => new(null, device, online, null, default);

    public static ShardWork ForWatermark(string site, DateTimeOffset watermark) => new(null, default, false, site, watermark);
}
