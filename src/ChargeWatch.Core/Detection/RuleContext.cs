using ChargeWatch.Core.Alerts;

namespace ChargeWatch.Core.Detection;

/// <summary>
/// What a rule can see and do during one call: the device being evaluated, the sites' watermarks,
/// and the shard's alert tracker. One instance per engine, reused for every call (no allocation).
/// </summary>
public sealed class RuleContext
{
    private readonly Dictionary<string, DateTimeOffset> _watermarks;

    internal RuleContext(AlertTracker alerts, Dictionary<string, DateTimeOffset> watermarks)
    {
        Alerts = alerts;
        _watermarks = watermarks;
    }

    /// <summary>The device of the current reading or status; not set during <see cref="IDetectionRule.OnWatermark"/>.</summary>
    public DeviceTrack Device { get; internal set; } = null!;

    public AlertTracker Alerts { get; }

    /// <summary>The newest event time of the site across all shards, as last told by the worker.</summary>
    public DateTimeOffset? Watermark(string site) => _watermarks.TryGetValue(site, out var wm) ? wm : null;

    /// <summary>Fires (or escalates) the alert of <paramref name="rule"/> on <paramref name="device"/> (port 0: none).</summary>
    public bool Fire(string rule, DeviceTrack device, int port, AlertSeverity severity, DateTimeOffset at, in AlertFacts facts) =>
        Alerts.Fire(new AlertKey(rule, device.Key, port), severity, at, facts, device.Shed);

    /// <summary>The alert of <paramref name="rule"/> on <paramref name="device"/> when it is active, restored ones included.</summary>
    public AlertMessage? ActiveAlert(string rule, DeviceTrack device, int port = 0) =>
        Alerts.ActiveAlert(new AlertKey(rule, device.Key, port));

    /// <summary>Resolves the alert when it is active; otherwise does nothing, so rules may call it after a restart.</summary>
    public bool Resolve(string rule, DeviceTrack device, int port, DateTimeOffset at, AlertFacts? facts = null) =>
        Alerts.Resolve(new AlertKey(rule, device.Key, port), at, facts);
}
