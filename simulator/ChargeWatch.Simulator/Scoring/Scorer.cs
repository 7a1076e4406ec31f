using ChargeWatch.Simulator.Simulation;

namespace ChargeWatch.Simulator.Scoring;

/// <summary>
/// Compares received alerts with a truth file. An expectation is met by a firing alert of its rule
/// on its device (and port, when given) starting within its window; each alert meets at most one
/// expectation. Firing alerts meeting none are false alerts (counted once per alert id). An optional
/// expectation is matched after all the others and counts neither way: its alert is not false, its
/// absence not a miss. Delay = the alert's start minus the window's start (the moment the incident began).
/// </summary>
public static class Scorer
{
    public static IReadOnlyList<RuleScore> Score(ScenarioTruth truth, IEnumerable<ReceivedAlert> alerts)
    {
        var firing = alerts.Where(a => a.Status == "firing")
            .GroupBy(a => (a.Id, a.StartsAt)).Select(g => g.First())
            .OrderBy(a => a.StartsAt).ToList();
        var used = new HashSet<ReceivedAlert>();
        var matched = new Dictionary<string, (int Tp, int Fn, List<TimeSpan> Delays)>(StringComparer.Ordinal);
        foreach (var expected in truth.Expected.OrderBy(x => x.Optional))
        {
            var hit = firing.FirstOrDefault(a => !used.Contains(a) && a.Rule == expected.Rule && a.Device == expected.Device
                && (expected.Port is null || a.Port == expected.Port) && a.StartsAt >= expected.From && a.StartsAt <= expected.To);
            if (expected.Optional)
            {
                if (hit is not null)
                {
                    used.Add(hit);
                }
                continue;
            }
            var entry = matched.TryGetValue(expected.Rule, out var e) ? e : (Tp: 0, Fn: 0, Delays: new List<TimeSpan>());
            if (hit is null)
            {
                entry.Fn++;
            }
            else
            {
                used.Add(hit);
                entry.Tp++;
                entry.Delays.Add(hit.StartsAt - expected.From);
            }
            matched[expected.Rule] = entry;
        }
        // Escalations re-send a firing message with the same id: one alert, one false positive at most.
        var falseIds = firing.Where(a => !used.Contains(a)).Where(a => !used.Any(u => u.Id == a.Id && a.Id != ""))
            .GroupBy(a => a.Rule).ToDictionary(g => g.Key, g => g.Select(a => a.Id == "" ? a.StartsAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture) : a.Id).Distinct().Count());
        var rules = matched.Keys.Union(falseIds.Keys).Order(StringComparer.Ordinal);
        return [.. rules.Select(rule =>
        {
            var (tp, fn, delays) = matched.TryGetValue(rule, out var m) ? m : (0, 0, []);
            return new RuleScore(rule, tp, fn, falseIds.GetValueOrDefault(rule), delays);
        })];
    }
}
