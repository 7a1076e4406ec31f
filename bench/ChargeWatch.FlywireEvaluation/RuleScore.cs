namespace ChargeWatch.FlywireEvaluation;

/// <summary>Counts and delays of one rule over one evaluation set.</summary>
public sealed class RuleScore(string rule)
{
    private readonly List<double> _delaysMinutes = [];

    public string Rule { get; } = rule;

    public int Cases { get; set; }

    public int NegativeCases { get; set; }

    /// <summary>Cases with a ground-truth event the rule owes a detection for.</summary>
    public int Positives { get; set; }

    public int Detected { get; set; }

    /// <summary>Detections later than the rule's delay target.</summary>
    public int Late { get; set; }

    public int TruePositiveAlerts { get; set; }

    public int FalseAlerts { get; set; }

    /// <summary>False alerts on the cases without any ground-truth event: what a community without fly-wires sees.</summary>
    public int FalseAlertsOnNegatives { get; set; }

    public double FalseAlertsPer100Negatives => NegativeCases == 0 ? 0 : 100.0 * FalseAlertsOnNegatives / NegativeCases;

    public long Readings { get; set; }

    public double CpuMicroseconds { get; set; }

    public double Recall => Positives == 0 ? 1 : (double)Detected / Positives;

    public double Precision => TruePositiveAlerts + FalseAlerts == 0 ? 1 : (double)TruePositiveAlerts / (TruePositiveAlerts + FalseAlerts);

    public double FalseAlertsPer100 => Cases == 0 ? 0 : 100.0 * FalseAlerts / Cases;

    public double MicrosecondsPerReading => Readings == 0 ? 0 : CpuMicroseconds / Readings;

    public IReadOnlyList<double> DelaysMinutes => _delaysMinutes;

    public void AddDelay(double minutes) => _delaysMinutes.Add(minutes);

    public double DelayPercentile(double p)
    {
        if (_delaysMinutes.Count == 0)
        {
            return double.NaN;
        }
        var sorted = _delaysMinutes.Order().ToArray();
        var rank = p * (sorted.Length - 1);
        var lo = (int)Math.Floor(rank);
        var hi = (int)Math.Ceiling(rank);
        return sorted[lo] + ((sorted[hi] - sorted[lo]) * (rank - lo));
    }

    public void Merge(RuleScore other)
    {
        Cases += other.Cases;
        NegativeCases += other.NegativeCases;
        Positives += other.Positives;
        Detected += other.Detected;
        Late += other.Late;
        TruePositiveAlerts += other.TruePositiveAlerts;
        FalseAlerts += other.FalseAlerts;
        FalseAlertsOnNegatives += other.FalseAlertsOnNegatives;
        Readings += other.Readings;
        CpuMicroseconds += other.CpuMicroseconds;
        _delaysMinutes.AddRange(other._delaysMinutes);
    }
}
