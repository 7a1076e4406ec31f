using System.Globalization;

namespace ChargeWatch.FlywireEvaluation;

/// <summary>The evaluation table as Markdown, for the console and docs/flywire.md.</summary>
public static class ScoreTable
{
    public static void Print(IEnumerable<RuleScore> scores, TextWriter output)
    {
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine("| rule | cases | positives | detected | recall | precision | false alerts / 100 cases | median delay (min) | p95 delay (min) | late | µs CPU / reading |");
        output.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var s in scores)
        {
            output.WriteLine(string.Format(inv,
                "| `{0}` | {1} | {2} | {3} | {4:0.000} | {5:0.000} | {6:0.00} | {7:0.0} | {8:0.0} | {9} | {10:0.00} |",
                s.Rule, s.Cases, s.Positives, s.Detected, s.Recall, s.Precision, s.FalseAlertsPer100,
                s.DelayPercentile(0.5), s.DelayPercentile(0.95), s.Late, s.MicrosecondsPerReading));
        }
    }
}
