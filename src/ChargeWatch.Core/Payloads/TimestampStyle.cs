namespace ChargeWatch.Core.Payloads;

/// <summary>The two <c>ts</c> forms of contract §2; devices in the field use both.</summary>
public enum TimestampStyle : byte
{
    /// <summary>RFC 3339 with milliseconds and the reading's own offset, e.g. <c>2026-07-08T21:30:00.000+08:00</c>.</summary>
    Rfc3339,
    /// <summary>Milliseconds since the Unix epoch, as a JSON number.</summary>
    EpochMilliseconds,
}
