using ChargeWatch.Core.Readings;
using ChargeWatch.Core.Rules.Common;

namespace ChargeWatch.Core.Rules.FlywireTap;

/// <summary>How a feeder reading compares with the ports of its shed.</summary>
internal enum BalanceVerdict : byte
{
    /// <summary>Some pile is stale, offline or has not reported: no evidence either way.</summary>
    Unknown,
    Balanced,
    Gap,
}

/// <summary>
/// One shed (site + shed id): its piles' newest port power and the feeder's excess over them.
/// Piles and feeder report at their own instants; the feeder is compared with each pile's newest
/// reading as long as that is fresh, and a short mismatch (a session starting between two
/// readings) cannot last the sustain time.
/// </summary>
internal sealed class ShedBalance(string site, string shed)
{
    private readonly List<PileBalance> _piles = [];

    public string Site { get; } = site;

    public string Shed { get; } = shed;

    public IReadOnlyList<PileBalance> Piles => _piles;

    /// <summary>Since when the gap has held (first reading of the run); null when it does not hold.</summary>
    public DateTimeOffset? GapSince { get; set; }

    public AlertCycle Cycle;

    /// <summary>Of the last comparison: feeder power, ports' power, their excess beyond the allowance.</summary>
    public double FeederWatts { get; private set; }

    public double PortsWatts { get; private set; }

    public double Excess { get; private set; }

    /// <summary>Whether the last comparison used real power (else apparent power).</summary>
    public bool Real { get; private set; }

    public string? StalePile { get; private set; }

    public void Add(PileBalance pile) => _piles.Add(pile);

    public void Remove(PileBalance pile) => _piles.Remove(pile);

    public BalanceVerdict Compare(FeederReading feeder, FlywireTapOptions options)
    {
        StalePile = null;
        if (_piles.Count == 0)
        {
            return BalanceVerdict.Unknown;
        }
        var real = feeder.Watts is not null;
        var watts = 0.0;
        var voltAmps = 0.0;
        foreach (var pile in _piles)
        {
            if (!pile.IsFreshAt(feeder.Timestamp, options.StaleAfter))
            {
                StalePile = pile.Track.Key.Device;
                return BalanceVerdict.Unknown;
            }
            real &= !double.IsNaN(pile.Watts);
            watts += pile.Watts;
            voltAmps += pile.VoltAmps;
        }
        Real = real;
        // Like with like: real power where everything reports it; otherwise apparent power, which
        // for loads in parallel adds up to at least the feeder's, so it can hide a tap, never invent one.
        FeederWatts = real ? feeder.Watts!.Value : feeder.Amps * (feeder.Volts ?? options.NominalVolts);
        PortsWatts = real ? watts : voltAmps;
        Excess = FeederWatts - PortsWatts - options.AllowanceWatts;
        return Excess >= options.GapWatts ? BalanceVerdict.Gap : BalanceVerdict.Balanced;
    }
}
