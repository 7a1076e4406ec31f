using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Readings;
using ChargeWatch.Core.Sites;

namespace ChargeWatch.Core.Detection;

/// <summary>
/// What the engine knows about one device: duplicate/late classification, the time of its previous
/// in-order reading, its usual interval, its shed, its resolved settings and each rule's state.
/// Rules read it through <see cref="RuleContext.Device"/>.
/// </summary>
public sealed class DeviceTrack
{
    /// <summary>Without a learned interval, a pause longer than this is a gap (the offline minimum).</summary>
    public static readonly TimeSpan DefaultGap = TimeSpan.FromSeconds(180);

    private DeviceSequence _sequence;
    private UsualInterval _interval;

    internal DeviceTrack(DeviceKey key, DeviceProfile profile, int ruleCount)
    {
        Key = key;
        Profile = profile;
        Shed = profile.Tags.Shed;
        States = new object?[ruleCount];
    }

    public DeviceKey Key { get; }

    /// <summary>The device's settings: configured tags, rated currents, each rule's options.</summary>
    public DeviceProfile Profile { get; }

    /// <summary>The shed: configuration first, else the newest payload that named one.</summary>
    public string? Shed { get; private set; }

    /// <summary>Event time of the newest in-order reading (the current one while rules run).</summary>
    public DateTimeOffset? LastSeen { get; private set; }

    /// <summary>Event time of the in-order reading before the current one.</summary>
    public DateTimeOffset? Previous { get; private set; }

    /// <summary>True when the current reading follows a gap longer than <see cref="GapLimit"/>: not continuous.</summary>
    public bool AfterGap { get; private set; }

    /// <summary>The learned usual interval, null until the device has reported twice.</summary>
    public TimeSpan? UsualInterval => _interval.Median;

    /// <summary>A pause longer than this is a gap: 3× the usual interval (contract §4), or 180 s before one is learned.</summary>
    public TimeSpan GapLimit => _interval.Median is { } usual ? usual * 3 : DefaultGap;

    internal object?[] States { get; }

    internal ReadingOrder Classify(DateTimeOffset timestamp, long? seq) => _sequence.Classify(timestamp, seq);

    internal void Accept(DateTimeOffset timestamp, string? payloadShed)
    {
        if (Profile.Tags.Shed is null && payloadShed is not null)
        {
            Shed = payloadShed;
        }
        Previous = LastSeen;
        if (LastSeen is { } last)
        {
            var gap = timestamp - last;
            AfterGap = gap > GapLimit;
            _interval.Observe(gap);
        }
        else
        {
            AfterGap = false;
        }
        LastSeen = timestamp;
    }
}
