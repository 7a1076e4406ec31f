using ChargeWatch.Core.Alerts;

namespace ChargeWatch.Core.Detection;

/// <summary>
/// What an engine's replay of stored history changed, as the alerts' recipients should hear it
/// (a warm start: the detectors relearn the households from InfluxDB before live data): one message
/// per alert, its last, and none for an alert that began and ended within the history — on-call
/// staff were told about it, or not, by the worker that saw it live.
/// </summary>
public static class ReplayedAlerts
{
    /// <summary>The net changes of <paramref name="replayed"/> (in the order the engine raised them), by alert id.</summary>
    public static List<AlertMessage> NetChanges(IReadOnlyList<AlertMessage> replayed)
    {
        var firstById = new Dictionary<string, AlertMessage>(StringComparer.Ordinal);
        var lastById = new Dictionary<string, AlertMessage>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var message in replayed)
        {
            if (firstById.TryAdd(message.Id, message))
            {
                order.Add(message.Id);
            }
            lastById[message.Id] = message;
        }
        var net = new List<AlertMessage>(order.Count);
        foreach (var id in order)
        {
            var last = lastById[id];
            if (last.Status == AlertStatus.Resolved && BeganInTheReplay(firstById[id]))
            {
                continue;
            }
            net.Add(last);
        }
        return net;
    }

    // A new firing starts when it changes; an escalation or a resolve of an alert that was already
    // active (restored from the state file) changes after it started.
    private static bool BeganInTheReplay(AlertMessage first) =>
        first.Status == AlertStatus.Firing && first.StartsAt == first.ChangedAt;
}
