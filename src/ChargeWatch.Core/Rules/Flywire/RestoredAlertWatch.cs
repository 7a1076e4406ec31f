using System.Globalization;
using ChargeWatch.Core.Alerts;
using ChargeWatch.Core.Detection;

namespace ChargeWatch.Core.Rules.Flywire;

/// <summary>
/// A fly-wire alert active on a meter that the meter's detector did not raise: one restored from the
/// state file after a restart. The detectors resolve only loads they follow, so such an alert would
/// otherwise stay active until the detector happened to fire and resolve on that meter again, for a
/// charge that may have ended hours ago. It ends in one of two ways:
/// <list type="bullet">
/// <item>the detector has watched the meter since before the alert began (a warm start replayed
/// those readings) and still does not hold it <see cref="Grace"/> after: its verdict on the same
/// readings is that there is no such load now;</item>
/// <item>the detector started after the alert began and so cannot follow that load: the alert ends
/// once it is older than any charge.</item>
/// </list>
/// If the detector fires on the meter first, the alert is its own again and resolves as usual.
/// </summary>
internal sealed class RestoredAlertWatch
{
    /// <summary>
    /// How much later than the detector before the restart a replaying one may find the same charge:
    /// their states differ (the replay starts from the history's first reading), and a resolve
    /// followed by a new firing for one charge would tell on-call staff it ended.
    /// </summary>
    public static readonly TimeSpan Grace = TimeSpan.FromHours(1);

    private bool _asked;
    private DateTimeOffset _watchedSince;
    private AlertMessage? _alert;

    /// <summary>Call with each reading before the detector sees it; looks for the alert on the first.</summary>
    public void Observe(RuleContext context, string rule, DateTimeOffset at)
    {
        if (_asked)
        {
            return;
        }
        _asked = true;
        _watchedSince = at;
        _alert = context.ActiveAlert(rule, context.Device);
    }

    /// <summary>The detector fired on the meter: the alert, restored or not, is its own from now on.</summary>
    public void Held() => _alert = null;

    /// <summary>
    /// The summary to resolve the restored alert with at <paramref name="at"/>, or null while it
    /// stays (none, held by the detector, or not yet due). <paramref name="longerThanAnyCharge"/>:
    /// the age after which a load the detector cannot follow is no charge.
    /// </summary>
    public string? ResolveNow(DateTimeOffset at, bool detectorFiring, TimeSpan longerThanAnyCharge, string device)
    {
        if (_alert is not { } alert || detectorFiring)
        {
            return null;
        }
        var replayed = _watchedSince < alert.StartsAt;
        if (at < alert.StartsAt + (replayed ? Grace : longerThanAnyCharge))
        {
            return null;
        }
        _alert = null;
        return replayed
            ? string.Create(CultureInfo.InvariantCulture,
                $"Resolved after a restart: the readings of {device} since {_watchedSince:HH:mm} show no charger-like load any more (alert raised at {alert.StartsAt:HH:mm})")
            : string.Create(CultureInfo.InvariantCulture,
                $"Resolved after a restart: the load on {device} could not be followed, and the alert raised at {alert.StartsAt:HH:mm} is now older than any charge ({longerThanAnyCharge.TotalHours:0} h)");
    }
}
