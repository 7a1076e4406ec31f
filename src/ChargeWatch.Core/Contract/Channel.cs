namespace ChargeWatch.Core.Contract;

/// <summary>The last topic level of a device topic (contract §1).</summary>
public enum Channel : byte
{
    Telemetry,
    Status,
    Command,
}
