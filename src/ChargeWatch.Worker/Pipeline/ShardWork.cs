using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Readings;

namespace ChargeWatch.Worker.Pipeline;

/// <summary>
/// One item for a shard's engine: a reading, a status change, or a site watermark; or, at a warm
/// start, a stored reading replayed (<see cref="History"/>) and the end of that history.
/// </summary>
public readonly record struct ShardWork(Reading? Reading, DeviceKey Device, bool Online, string? Site, DateTimeOffset Watermark, bool History = false)
{
    public static ShardWork ForReading(Reading reading) => new(reading, reading.Device, false, null, default);

    public static ShardWork ForStatus(DeviceKey device, bool online) => new(null, device, online, null, default);

    public static ShardWork ForWatermark(string site, DateTimeOffset watermark) => new(null, default, false, site, watermark);

    /// <summary>A reading from InfluxDB: the engine learns from it; its alerts wait for <see cref="EndOfHistory"/>.</summary>
    public static ShardWork ForHistory(Reading reading) => new(reading, reading.Device, false, null, default, History: true);

    /// <summary>The replay is over: what it changed goes out, as net changes.</summary>
    public static ShardWork EndOfHistory { get; } = new(null, default, false, null, default, History: true);
}
