using ChargeWatch.Core.Alerts;

namespace ChargeWatch.Core.Detection;

/// <summary>
/// The alert lifecycle of one shard: firing → (escalated) → resolved, one message per state change.
/// Rules decide when a condition starts, escalates and clears (their hysteresis); the tracker makes
/// sure a continuing condition never produces a second firing message — also when a rule, after a
/// restart, fires again for an alert restored from the state file — and that a resolve is only
/// sent for an alert that is active. Not thread-safe: one per shard.
/// </summary>
public sealed class AlertTracker(RestoredAlerts? restored = null)
{
    private readonly Dictionary<AlertKey, AlertMessage> _active = [];
    private readonly RestoredAlerts _restored = restored ?? RestoredAlerts.None;
    private List<AlertMessage> _output = [];

    /// <summary>Alerts this shard holds as firing.</summary>
    public IReadOnlyCollection<AlertMessage> Active => _active.Values;

    /// <summary>Where state changes go until the next call; the engine points it at the caller's list.</summary>
    internal void DirectTo(List<AlertMessage> output) => _output = output;

    /// <summary>The alert's last firing message when it is active (restored ones included), else null.</summary>
    public AlertMessage? ActiveAlert(in AlertKey key) => Find(key);

    /// <summary>
    /// The condition holds at <paramref name="at"/> with <paramref name="severity"/>. Sends a firing
    /// message when the alert was not active, or a new firing message with the same id and start
    /// when the severity rose; otherwise nothing. Returns whether a message was sent.
    /// </summary>
    public bool Fire(in AlertKey key, AlertSeverity severity, DateTimeOffset at, in AlertFacts facts, string? shed)
    {
        var current = Find(key);
        if (current is not null && current.Severity >= severity)
        {
            return false;
        }
        var message = new AlertMessage
        {
            Id = current?.Id ?? key.Id,
            Rule = key.Rule,
            Status = AlertStatus.Firing,
            Severity = severity,
            Device = key.Device,
            Port = key.PortOrNull,
            StartsAt = current?.StartsAt ?? at,
            EndsAt = null,
            ChangedAt = at,
            Value = facts.Value,
            Threshold = facts.Threshold,
            Unit = facts.Unit,
            Confidence = Math.Clamp(facts.Confidence, 0.0, 1.0),
            Summary = facts.Summary,
            Shed = shed ?? current?.Shed,
        };
        _active[key] = message;
        _output.Add(message);
        return true;
    }

    /// <summary>
    /// The rule's clear condition holds at <paramref name="at"/>. Sends the resolved message when the
    /// alert is active (<paramref name="facts"/> null: the firing message's values, summary prefixed
    /// "Resolved: "); otherwise nothing. Returns whether a message was sent.
    /// </summary>
    public bool Resolve(in AlertKey key, DateTimeOffset at, AlertFacts? facts = null)
    {
        var current = Find(key);
        if (current is null)
        {
            return false;
        }
        _active.Remove(key);
        var message = current with
        {
            Status = AlertStatus.Resolved,
            EndsAt = at < current.StartsAt ? current.StartsAt : at,
            ChangedAt = at < current.StartsAt ? current.StartsAt : at,
            Value = facts is { } f ? f.Value : current.Value,
            Threshold = facts is { } g ? g.Threshold ?? current.Threshold : current.Threshold,
            Unit = facts is { } h ? h.Unit ?? current.Unit : current.Unit,
            Summary = facts is { } s ? s.Summary : "Resolved: " + current.Summary,
        };
        _output.Add(message);
        return true;
    }

    private AlertMessage? Find(in AlertKey key)
    {
        if (_active.TryGetValue(key, out var alert))
        {
            return alert;
        }
        if (_restored.TryClaim(key, out alert))
        {
            _active[key] = alert;
            return alert;
        }
        return null;
    }
}
