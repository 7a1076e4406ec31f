using ChargeWatch.Core.Detection;

namespace ChargeWatch.Core.Rules.Offline;

/// <summary>One device as the offline rule watches it.</summary>
internal sealed class OfflineState(DeviceTrack device, OfflineOptions options, OfflineSiteWatch site)
{
    public OfflineSiteWatch Site { get; } = site;

    public DeviceTrack Device { get; } = device;

    public OfflineOptions Options { get; } = options;

    /// <summary>This rule has fired for the device and not resolved yet.</summary>
    public bool Offline { get; set; }

    /// <summary>Whether a resolve was already asked for since the state was created (so a restored alert resolves).</summary>
    public bool ResolveAsked { get; set; }

    /// <summary>The newest sign of life: an in-order reading, or an <c>online</c> status (at the site's time).</summary>
    public DateTimeOffset? LastHeard { get; set; }

    /// <summary>Event time from which the device counts as silent: its last sign of life plus the allowed silence.</summary>
    public DateTimeOffset? SilentFrom => LastHeard is { } last ? last + AllowedSilence : null;

    public TimeSpan AllowedSilence
    {
        get
        {
            var minimum = TimeSpan.FromSeconds(Options.MinimumSeconds);
            return Device.UsualInterval is { } usual && usual * Options.IntervalMultiple > minimum
                ? usual * Options.IntervalMultiple
                : minimum;
        }
    }
}
