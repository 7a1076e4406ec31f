using ChargeWatch.Core.Readings;
using System.Collections.Concurrent;

namespace ChargeWatch.Worker.Cutoff;

/// <summary>
/// The piles, their sockets and their sheds as seen in charger telemetry so far: what a pile- or
/// shed-wide cut-off switches off. Only grows; a socket once seen stays known.
/// </summary>
public sealed class PortTopology
{
    private readonly ConcurrentDictionary<(string Site, string Charger), Pile> _piles = new();

    public int PileCount => _piles.Count;

    public void Observe(ChargerReading reading, string? configuredShed = null)
    {
        var pile = _piles.GetOrAdd((reading.Site, reading.DeviceId), _ => new Pile());
        lock (pile)
        {
            pile.Shed = configuredShed ?? reading.Shed ?? pile.Shed;
            foreach (var port in reading.Ports)
            {
                pile.Ports.Add(port.Port);
            }
        }
    }

    /// <summary>The shed of a device known by its id; sensors and feeders are not piles, so only configured or charger sheds answer.</summary>
    public string? ShedOf(string site, string device) =>
        _piles.TryGetValue((site, device), out var pile) ? pile.Shed : null;

    public IReadOnlyList<PortRef> PortsOf(string site, string charger)
    {
        if (!_piles.TryGetValue((site, charger), out var pile))
        {
            return [];
        }
        lock (pile)
        {
            return [.. pile.Ports.Select(port => new PortRef(site, charger, port))];
        }
    }

    public IReadOnlyList<PortRef> PortsOfShed(string site, string shed)
    {
        var ports = new List<PortRef>();
        foreach (var ((pileSite, charger), pile) in _piles.OrderBy(p => p.Key.Charger, StringComparer.Ordinal))
        {
            if (pileSite != site)
            {
                continue;
            }
            lock (pile)
            {
                if (pile.Shed == shed)
                {
                    ports.AddRange(pile.Ports.Select(port => new PortRef(site, charger, port)));
                }
            }
        }
        return ports;
    }

    private sealed class Pile
    {
        public string? Shed { get; set; }

        public SortedSet<int> Ports { get; } = [];
    }
}
