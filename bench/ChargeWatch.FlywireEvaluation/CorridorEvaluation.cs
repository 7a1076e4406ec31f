using ChargeWatch.Core.Rules.FlywireCorridor;
using ChargeWatch.Core.Rules.FlywireHousehold;
using ChargeWatch.Simulator.Physics.Circuits;

namespace ChargeWatch.FlywireEvaluation;

/// <summary>
/// flywire.corridor against the simulator's corridor nights (emergency and stair lights; half of
/// them with a charger plugged in at a drawn evening or midnight hour). A detection counts when it
/// fires while the charger is plugged in; delay from the charge start.
/// </summary>
public static class CorridorEvaluation
{
    public static RuleScore Run(long firstSeed, int nights, Action<string>? log = null)
    {
        var options = new FlywireCorridorOptions();
        var score = new RuleScore("flywire.corridor");
        for (var seed = firstSeed; seed < firstSeed + nights; seed++)
        {
            var variant = (int)(Math.Abs(seed) % 6);
            var night = CorridorModel.Create(seed, new CorridorOptions_(seed % 2 == 0, variant).Build());
            var samples = night.Samples().ToArray();
            var detector = new CorridorLoadDetector(options);
            var fires = new List<DateTimeOffset>();
            var cpuStart = ThreadCpuClock.NowMicroseconds();
            foreach (var sample in samples)
            {
                if (detector.Observe(sample.Timestamp, sample.Watts) == HouseholdChange.Fired)
                {
                    fires.Add(sample.Timestamp);
                }
            }
            var cpu = ThreadCpuClock.NowMicroseconds() - cpuStart;
            score.Cases++;
            score.Readings += samples.Length;
            score.CpuMicroseconds += cpu;
            var matched = new bool[fires.Count];
            if (night.Charges.Count == 0)
            {
                score.NegativeCases++;
            }
            foreach (var charge in night.Charges)
            {
                score.Positives++;
                var hit = fires.FindIndex(f => f >= charge.Start && f <= charge.Unplugged + options.ResolveAfter);
                for (var i = 0; i < fires.Count; i++)
                {
                    matched[i] |= fires[i] >= charge.Start && fires[i] <= charge.Unplugged + options.ResolveAfter;
                }
                if (hit < 0)
                {
                    log?.Invoke($"MISS corridor seed {seed}: {charge.Charger.PlateauWatts:0} W start {charge.Start:HH:mm}");
                    continue;
                }
                score.Detected++;
                score.AddDelay((fires[hit] - charge.Start).TotalMinutes);
            }
            foreach (var m in matched)
            {
                if (m)
                {
                    score.TruePositiveAlerts++;
                }
                else
                {
                    score.FalseAlerts++;
                    log?.Invoke($"FALSE corridor seed {seed}");
                }
            }
        }
        return score;
    }

    /// <summary>The corridor night for a seed: charge or not, meter interval and averaging varied.</summary>
    private readonly record struct CorridorOptions_(bool Charge, int Variant)
    {
        public CorridorOptions Build() => new()
        {
            EbikeCharge = Charge,
            Meter = new MeterOptions
            {
                ReportsPowerFactor = false,
                Interval = TimeSpan.FromSeconds(Variant % 3 == 0 ? 30 : Variant % 3 == 1 ? 60 : 120),
                Averaging = Variant % 2 == 0,
            },
        };
    }
}
