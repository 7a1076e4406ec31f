namespace ChargeWatch.Core.Detection;

/// <summary>
/// Readings the engines kept from the rules, cumulative over every shard. Updated by the shard
/// threads, read by the counters reporter: atomic increments, no locks.
/// </summary>
public sealed class DetectionCounters
{
    private long _duplicates;
    private long _lateReadings;

    /// <summary>Readings repeating a <c>(device, seq)</c> or <c>(device, ts)</c> seen before: QoS 1 redelivery.</summary>
    public long Duplicates => Interlocked.Read(ref _duplicates);

    /// <summary>Readings older than the newest one of their device.</summary>
    public long LateReadings => Interlocked.Read(ref _lateReadings);

    internal void CountDuplicate() => Interlocked.Increment(ref _duplicates);

    internal void CountLate() => Interlocked.Increment(ref _lateReadings);
}
