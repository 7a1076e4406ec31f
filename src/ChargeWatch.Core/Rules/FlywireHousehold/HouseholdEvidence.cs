using System.Globalization;

namespace ChargeWatch.Core.Rules.FlywireHousehold;

/// <summary>What the detector believes about the most charger-like load on a meter, and why.</summary>
public readonly record struct HouseholdEvidence(
    DateTimeOffset StartedAt,
    double AddedWatts,
    double PlateauWatts,
    double? PowerFactor,
    TimeSpan Plateau,
    bool TaperSeen,
    double Confidence)
{
    /// <summary>
    /// The alert summary, naming the meter the property office has to find:
    /// "Household meter 6-602 shows an e-bike charging signature: +212 W since 21:42, pf 0.61, plateau 38 min, taper not yet seen".
    /// </summary>
    public string Summary(string meter)
    {
        var inv = CultureInfo.InvariantCulture;
        var pf = PowerFactor is { } p ? string.Format(inv, "pf {0:0.00}", p) : "no pf reported";
        var taper = TaperSeen ? "taper seen" : "taper not yet seen";
        return string.Format(
            inv,
            "Household meter {6} shows an e-bike charging signature: +{0:0} W since {1:HH:mm}, {2}, plateau {3:0} min, {4} (confidence {5:0.00})",
            PlateauWatts, StartedAt, pf, Plateau.TotalMinutes, taper, Confidence, meter);
    }
}
