using ChargeWatch.Core.Alerts;

namespace ChargeWatch.Core.Rules.Common;

/// <summary>
/// A rule's memory of one alert: the severity it fired at, and since when its clear condition holds
/// (the contract's hysteresis: "… for 60 s"). It lets a rule call the tracker only on transitions,
/// not on every reading. A fresh cycle (after a restart) asks once to resolve when the condition is
/// clear, so an alert restored from the state file still resolves.
/// </summary>
public struct AlertCycle
{
    private long _clearSinceTicks;
    private bool _clearing;
    private bool _resolveAsked;

    /// <summary>The severity this cycle fired at; null when it has not fired (since start or last resolve).</summary>
    public AlertSeverity? Fired { get; private set; }

    /// <summary>The firing condition holds at <paramref name="severity"/>: true when the rule should call Fire.</summary>
    public bool ShouldFire(AlertSeverity severity)
    {
        Hold();
        if (Fired is { } fired && fired >= severity)
        {
            return false;
        }
        Fired = severity;
        return true;
    }

    /// <summary>Neither firing nor clear (between the limits): the clear time starts over.</summary>
    public void Hold()
    {
        _clearing = false;
        _resolveAsked = false;
    }

    /// <summary>
    /// The clear condition holds at <paramref name="at"/>. True once per excursion, when it has held
    /// for <paramref name="hold"/> since the first clear observation: the rule should call Resolve.
    /// After a gap (<paramref name="afterGap"/>) the clear time starts over: what happened during
    /// the silence is unknown, and an alert resolves on evidence only.
    /// </summary>
    public bool ClearHeld(DateTimeOffset at, TimeSpan hold, bool afterGap = false)
    {
        if (!_clearing || afterGap)
        {
            _clearing = true;
            _clearSinceTicks = at.UtcTicks;
        }
        if (_resolveAsked || at.UtcTicks - _clearSinceTicks < hold.Ticks)
        {
            return false;
        }
        _resolveAsked = true;
        Fired = null;
        return true;
    }
}
