using System.Globalization;
using ChargeWatch.Core.Rules.FlywireHousehold;
using ChargeWatch.Simulator.Physics.Circuits;

namespace ChargeWatch.FlywireEvaluation;

/// <summary>
/// The candidates flywire.household's paths find on a range of nights, each labelled by the night's
/// truth (a charger plugged in: the alert would count) — the candidate model's training data.
/// A candidate the model keeps turning down is seen again reading after reading; one row per path,
/// start and five minutes keeps such a run from outweighing the rest.
/// </summary>
internal static class CandidateCollection
{
    private static readonly long RepeatTicks = TimeSpan.FromMinutes(5).Ticks;

    public static int Write(long firstSeed, int nights, HouseholdSignatureOptions options, TextWriter output)
    {
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine("seed,ticks,label,probability," + string.Join(",", CandidateFeatures.Names));
        var rows = 0;
        for (var seed = firstSeed; seed < firstSeed + nights; seed++)
        {
            var night = HouseholdModel.Create(seed, HouseholdEvaluation.OptionsFor(seed));
            var lastKept = new Dictionary<(double Path, double Start), long>();
            var detector = new HouseholdSignatureDetector(options);
            detector.CandidateSeen = (ticks, features, probability) =>
            {
                var key = (features[CandidateFeatures.Path], Math.Round(features[CandidateFeatures.MinutesSinceStart] - (ticks / (double)TimeSpan.TicksPerMinute)));
                if (lastKept.TryGetValue(key, out var kept) && ticks - kept < RepeatTicks)
                {
                    return;
                }
                lastKept[key] = ticks;
                var at = new DateTimeOffset(ticks, TimeSpan.Zero);
                var label = night.Charges.Any(c => at >= c.Start && at <= c.Unplugged + options.ResolveAfter) ? 1 : 0;
                output.WriteLine($"{seed},{ticks},{label},{probability.ToString("0.####", inv)},{string.Join(",", features.Select(v => v.ToString("0.###", inv)))}");
                rows++;
            };
            foreach (var sample in night.Samples())
            {
                detector.Observe(sample.Timestamp, sample.Watts, sample.PowerFactor, sample.Volts * sample.Amps);
            }
        }
        return rows;
    }
}
