using ChargeWatch.Core.Contract;

namespace ChargeWatch.Core.Readings;

/// <summary>
/// One validated telemetry payload (contract §2). <see cref="Timestamp"/> is the event time that
/// drives every rule; <see cref="Seq"/> is the device's optional sequence number.
/// </summary>
public abstract class Reading
{
    protected Reading(DeviceKey device, DateTimeOffset timestamp, long? seq)
    {
        Device = device;
        Timestamp = timestamp;
        Seq = seq;
    }

    public DeviceKey Device { get; }

    public DateTimeOffset Timestamp { get; }

    public long? Seq { get; }

    public string Site => Device.Site;

    public DeviceKind Kind => Device.Kind;

    public string DeviceId => Device.Device;

    /// <summary>Event time in milliseconds since the Unix epoch: the InfluxDB timestamp.</summary>
    public long UnixMilliseconds => Timestamp.ToUnixTimeMilliseconds();
}
