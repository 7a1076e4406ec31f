using ChargeWatch.Core.Alerts;
using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Detection;
using ChargeWatch.Core.Readings;
using ChargeWatch.Core.Rules.Common;

namespace ChargeWatch.Core.Rules.Offline;

/// <summary>
/// <c>offline</c>: a device silent for 3× its usual interval (at least 180 s) of its site's event
/// time (the watermark, so a replay behaves like live), or one that publishes <c>offline</c>
/// status. Resolves when it reports again (a reading, or <c>online</c> status).
/// </summary>
internal sealed class OfflineRule : DetectionRule<OfflineOptions, OfflineState>
{
    public const string Id = "offline";

    private readonly Dictionary<string, OfflineSiteWatch> _sites = new(StringComparer.Ordinal);

    public override bool AppliesTo(DeviceKind kind) => true;

    protected override OfflineState CreateState(DeviceTrack device, OfflineOptions options)
    {
        if (!_sites.TryGetValue(device.Key.Site, out var site))
        {
            _sites[device.Key.Site] = site = new OfflineSiteWatch();
        }
        var state = new OfflineState(device, options, site);
        site.Devices.Add(state);
        return state;
    }

    protected override void OnReading(RuleContext context, Reading reading, OfflineOptions options, OfflineState state) =>
        ReportedAgain(context, state, reading.Timestamp, "reports again");

    protected override void OnStatus(RuleContext context, bool online, DateTimeOffset at, OfflineOptions options, OfflineState state)
    {
        if (online)
        {
            ReportedAgain(context, state, at, "is online again");
            return;
        }
        state.Offline = true;
        state.ResolveAsked = false;
        context.Fire(Id, state.Device, 0, AlertSeverity.Warning, at, new AlertFacts(
            Describe.Circuit(state.Device.Key, 0) + " published offline status"));
    }

    public override void OnWatermark(RuleContext context, string site, DateTimeOffset watermark)
    {
        if (!_sites.TryGetValue(site, out var watch) || watermark < watch.EarliestSilence)
        {
            return;
        }
        // Deadlines only move later as devices report, so the earliest one bounds them all and
        // most watermarks cost one comparison.
        var earliest = DateTimeOffset.MaxValue;
        foreach (var state in watch.Devices)
        {
            if (state.Offline || state.SilentFrom is not { } silentFrom)
            {
                continue;
            }
            if (silentFrom <= watermark)
            {
                state.Offline = true;
                state.ResolveAsked = false;
                context.Fire(Id, state.Device, 0, AlertSeverity.Warning, silentFrom, new AlertFacts(
                    string.Create(Describe.Invariant,
                        $"{Describe.Circuit(state.Device.Key, 0)} has sent nothing since {AlertJson.Format(state.LastHeard!.Value)} ({state.AllowedSilence.TotalSeconds:F0} s allowed)")));
            }
            else if (silentFrom < earliest)
            {
                earliest = silentFrom;
            }
        }
        watch.EarliestSilence = earliest;
    }

    private static void ReportedAgain(RuleContext context, OfflineState state, DateTimeOffset at, string how)
    {
        // A sign of life restarts the silence count, also an online status without telemetry, so
        // the alert does not fire again at the next watermark for the same old silence.
        if (state.LastHeard is not { } last || at > last)
        {
            state.LastHeard = at;
        }
        var site = state.Site;
        if (state.SilentFrom is { } silentFrom && silentFrom < site.EarliestSilence)
        {
            site.EarliestSilence = silentFrom;
        }
        if (state.Offline || !state.ResolveAsked)
        {
            state.Offline = false;
            state.ResolveAsked = true;
            context.Resolve(Id, state.Device, 0, at, new AlertFacts(Describe.Circuit(state.Device.Key, 0) + " " + how));
        }
    }
}
