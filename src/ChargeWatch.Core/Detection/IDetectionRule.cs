using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Readings;

namespace ChargeWatch.Core.Detection;

/// <summary>
/// One detection rule as the engine drives it. Implement it through <see cref="DetectionRule{TOptions,TState}"/>,
/// which types the options and the per-device state.
/// <para>Guarantees the engine gives a rule:</para>
/// <list type="bullet">
/// <item>One instance per shard, called from one thread: no locks needed, private fields are fine.</item>
/// <item><see cref="OnReading"/> sees only in-order readings: never a duplicate, never one older than
/// the device's newest. <see cref="RuleContext.Device"/> tells whether the reading follows a gap.</item>
/// <item>Every reading of a device, and every device of its site (so of its shed), reaches the same shard (<see cref="SiteShards"/>).</item>
/// <item>Per-device state is created on the device's first reading and handed back on every call.</item>
/// <item>A rule switched off for a device (its options' <c>Enabled</c>) is not called for it.</item>
/// </list>
/// <para>What a rule owes: event time only (reading timestamps and watermarks); alerts through
/// <see cref="RuleContext.Fire"/> and <see cref="RuleContext.Resolve"/> — the tracker removes repeats, so a
/// rule may fire again for a condition it does not remember (after a restart) without a duplicate message.</para>
/// </summary>
public interface IDetectionRule
{
    /// <summary>Whether readings of this kind of device concern the rule at all.</summary>
    bool AppliesTo(DeviceKind kind);

    /// <summary>Creates the per-device state on the device's first reading or status.</summary>
    object CreateState(DeviceTrack device, object options);

    void OnReading(RuleContext context, Reading reading, object options, object state);

    /// <summary>An <c>online</c>/<c>offline</c> status message; <paramref name="at"/> is the site's event time.</summary>
    void OnStatus(RuleContext context, bool online, DateTimeOffset at, object options, object state);

    /// <summary>The site's watermark advanced (once per call for the shard, not per device).</summary>
    void OnWatermark(RuleContext context, string site, DateTimeOffset watermark);
}
