using ChargeWatch.Core.Alerts;

namespace ChargeWatch.Worker.Cutoff;

/// <summary>
/// Decides, for each alert change, whether power is cut or restored, and says so. A firing alert
/// at a site with cut-off enabled cuts once: the decision is recorded in <see cref="CutoffState"/>
/// (persisted before the commands go out), so neither a repeated firing message (escalation) nor a
/// restart sends it again. Its resolution restores the same sockets where the site asks for it and
/// forgets the record; elsewhere the record stays until the sockets are restored by hand. Nothing
/// here waits for disk or network.
/// </summary>
public sealed class CutoffController(
    CutoffSettings settings,
    PortTopology topology,
    CutoffState state,
    CutoffOutbox outbox,
    ILogger<CutoffController> logger)
{
    /// <summary>Acts on the change; returns the sentence for the alert's description, or null.</summary>
    public string? OnAlert(AlertMessage alert)
    {
        if (alert.Status == AlertStatus.Resolved)
        {
            Resolve(alert);
            return null;
        }
        if (state.TryGet(alert, out var earlier))
        {
            return CutoffNotes.ForAlert(earlier.Ports);
        }
        if (!settings.IsEnabled(alert.Site) || CutoffPlanner.ScopeFor(alert) is not { } scope)
        {
            return null;
        }

        var targets = CutoffPlanner.Targets(alert, scope, topology);
        if (targets.Count == 0)
        {
            logger.LogWarning("Cut-off for alert {Id}: no {Scope} sockets known yet, nothing cut", alert.Id, scope);
            return $"Protective cut-off: no sockets of this {scope.ToString().ToLowerInvariant()} known yet, nothing cut.";
        }
        if (!state.TryAdd(alert, new CutRecord(alert.Rule, alert.Severity, alert.StartsAt, alert.ChangedAt, targets)))
        {
            return null;
        }
        var commands = targets.Select(t => new CutoffCommand(t, Cut: true, alert.Rule, alert.Id)).ToList();
        foreach (var command in commands)
        {
            logger.LogWarning("Cut-off: cut {Target} at site {Site} for alert {Id} ({Summary})",
                command.Target, command.Target.Site, alert.Id, alert.Summary);
        }
        outbox.Send(CutoffOrder.For(alert, commands));
        return CutoffNotes.ForAlert(targets);
    }

    private void Resolve(AlertMessage alert)
    {
        if (!settings.AutoRestore(alert.Site))
        {
            if (state.TryMarkResolved(alert.Id, out var kept) && logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Alert {Id} resolved; {Ports} stay off until restored by hand",
                    alert.Id, CutoffNotes.Describe("cut", kept.Ports));
            }
            return;
        }
        if (!state.TryRemove(alert.Id, out var record) || record.Resolved || record.Ports.Count == 0)
        {
            return;
        }
        var commands = record.Ports.Select(p => new CutoffCommand(p, Cut: false)).ToList();
        foreach (var command in commands)
        {
            logger.LogWarning("Cut-off: automatic restore of {Target} at site {Site} after alert {Id} resolved",
                command.Target, command.Target.Site, alert.Id);
        }
        outbox.Send(CutoffOrder.For(alert, commands));
    }
}
