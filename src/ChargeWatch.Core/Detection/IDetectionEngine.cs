using ChargeWatch.Core.Alerts;
using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Readings;

namespace ChargeWatch.Core.Detection;

/// <summary>
/// One shard's detection engine. Not thread-safe by design: the worker routes every reading of a
/// device to the same shard and calls its engine from one thread, so rules need no locks.
/// Every method appends the alert state changes it causes to <c>changes</c>, in event-time order.
/// </summary>
public interface IDetectionEngine
{
    /// <summary>
    /// Feeds a reading in receive order. The engine itself recognises duplicates (QoS 1
    /// redelivery) and readings older than the newest of their device, and keeps them from the rules.
    /// </summary>
    void OnReading(Reading reading, List<AlertMessage> changes);

    /// <summary>A retained <c>status</c> message; it carries no time and takes the site's watermark.</summary>
    void OnStatus(DeviceKey device, bool online, List<AlertMessage> changes);

    /// <summary>
    /// The site's watermark (newest event time seen from any device of the site, across all shards)
    /// advanced: time-based rules such as <c>offline</c> evaluate against it.
    /// </summary>
    void OnWatermark(string site, DateTimeOffset watermark, List<AlertMessage> changes);
}

/// <summary>Creates one engine per shard.</summary>
public interface IDetectionEngineFactory
{
    IDetectionEngine Create(int shard, int shardCount);
}
