namespace ChargeWatch.Simulator.Scoring;

/// <summary>One rule's result: matches, misses, false alerts and detection delays.</summary>
public sealed record RuleScore(string Rule, int TruePositives, int FalseNegatives, int FalsePositives, IReadOnlyList<TimeSpan> Delays)
{
    public double? Precision => TruePositives + FalsePositives == 0 ? null : (double)TruePositives / (TruePositives + FalsePositives);

    public double? Recall => TruePositives + FalseNegatives == 0 ? null : (double)TruePositives / (TruePositives + FalseNegatives);

    public TimeSpan? MedianDelay => Percentile(0.5);

    public TimeSpan? P95Delay => Percentile(0.95);

    private TimeSpan? Percentile(double q)
    {
        if (Delays.Count == 0)
        {
            return null;
        }
        var sorted = Delays.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
