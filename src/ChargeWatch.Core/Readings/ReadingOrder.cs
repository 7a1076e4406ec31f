namespace ChargeWatch.Core.Readings;

/// <summary>How a reading relates to the ones seen before from the same device.</summary>
public enum ReadingOrder : byte
{
    /// <summary>Newer than anything seen: feed it to the rules.</summary>
    InOrder,
    /// <summary>Same <c>seq</c> (or, without seq, same <c>ts</c>) as one seen: a QoS 1 redelivery.</summary>
    Duplicate,
    /// <summary>Older than the newest seen: stored, but not fed to the rules.</summary>
    Late,
}
