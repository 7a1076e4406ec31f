using System.Collections.Concurrent;
using ChargeWatch.Core.Alerts;

namespace ChargeWatch.Core.Detection;

/// <summary>
/// Alerts that were firing when the service last stopped, shared by every shard's tracker. The
/// shard that owns a device claims that device's alerts the first time one of its rules fires or
/// resolves them, so a restart neither repeats a firing nor forgets to resolve, whatever the
/// number of shards now is. Thread-safe: shards claim concurrently.
/// </summary>
public sealed class RestoredAlerts
{
    private readonly ConcurrentDictionary<AlertKey, AlertMessage> _unclaimed = new();

    public RestoredAlerts(IEnumerable<AlertMessage> firing)
    {
        foreach (var alert in firing)
        {
            if (alert.Status == AlertStatus.Firing)
            {
                _unclaimed[new AlertKey(alert.Rule, alert.Device, alert.Port ?? 0)] = alert;
            }
        }
    }

    public static RestoredAlerts None { get; } = new([]);

    public int Count => _unclaimed.Count;

    /// <summary>Alerts not yet claimed by a shard: still active, to be kept in the state file.</summary>
    public IReadOnlyCollection<AlertMessage> Unclaimed => [.. _unclaimed.Values];

    public bool TryClaim(in AlertKey key, out AlertMessage alert)
    {
        if (_unclaimed.IsEmpty)
        {
            alert = null!;
            return false;
        }
        return _unclaimed.TryRemove(key, out alert!);
    }
}
