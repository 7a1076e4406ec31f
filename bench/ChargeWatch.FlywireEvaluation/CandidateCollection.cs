using System.Globalization;
using ChargeWatch.Core.Rules.FlywireHousehold;
using ChargeWatch.Simulator.Physics.Circuits;

namespace ChargeWatch.FlywireEvaluation;

/// <summary>
/// The candidates flywire.household's paths find on a range of nights, each labelled by the night's
/// truth (a charger plugged in: the alert would count) — the candidate model's training data.
/// A candidate the model keeps turning down is seen again reading after reading; one row per path,
/// start and five minutes keeps such a run from outweighing the rest.
/// With <c>everyAsk</c> (the frontier analysis, docs/flywire.md "Round ten") no candidate fires and
/// every question is written: the first ask a rule would pass is then the detector's first alert
/// under that rule, and the nights' truth goes to <c>nightsOutput</c>.
/// </summary>
public static class CandidateCollection
{
    private static readonly long RepeatTicks = TimeSpan.FromMinutes(5).Ticks;

    public static int Write(long firstSeed, int nights, HouseholdSignatureOptions options, TextWriter output, TextWriter? nightsOutput = null)
    {
        var inv = CultureInfo.InvariantCulture;
        var everyAsk = nightsOutput is not null;
        if (everyAsk)
        {
            // Above every probability: the detector asks on and on, as it would until its first alert.
            options.CandidateProbabilityMin = 2;
        }
        output.WriteLine("seed,ticks,label,probability," + string.Join(",", CandidateFeatures.Names));
        nightsOutput?.WriteLine("seed,pf,averaging,interval_s,charge_start,taper_start,judged_until,owed");
        var rows = 0;
        for (var seed = firstSeed; seed < firstSeed + nights; seed++)
        {
            var night = HouseholdModel.Create(seed, HouseholdEvaluation.OptionsFor(seed));
            nightsOutput?.WriteLine(NightTruth(seed, night, options));
            var lastKept = new Dictionary<(double Path, double Start), long>();
            var detector = new HouseholdSignatureDetector(options);
            detector.CandidateSeen = (ticks, features, probability) =>
            {
                var key = (features[CandidateFeatures.Path], Math.Round(features[CandidateFeatures.MinutesSinceStart] - (ticks / (double)TimeSpan.TicksPerMinute)));
                if (!everyAsk && lastKept.TryGetValue(key, out var kept) && ticks - kept < RepeatTicks)
                {
                    return;
                }
                lastKept[key] = ticks;
                var at = new DateTimeOffset(ticks, TimeSpan.Zero);
                var label = night.Charges.Any(c => at >= c.Start && at <= c.Unplugged + options.ResolveAfter) ? 1 : 0;
                output.WriteLine($"{seed},{ticks},{label},{probability.ToString("R", inv)},{string.Join(",", features.Select(v => v.ToString("0.###", inv)))}");
                rows++;
            };
            foreach (var sample in night.Samples())
            {
                detector.Observe(sample.Timestamp, sample.Watts, sample.PowerFactor, sample.Volts * sample.Amps);
            }
        }
        return rows;
    }

    /// <summary>
    /// One night's truth as the harness scores it (ticks; 0 without a charge): an alert from the
    /// charge's start to its unplugging plus the resolve time counts; <c>owed</c> when the charge
    /// counts for recall (pf reported, or its taper seen).
    /// </summary>
    private static string NightTruth(long seed, CircuitNight night, HouseholdSignatureOptions options)
    {
        var meter = night.Meter;
        var charge = night.Charges.Count > 0 ? night.Charges[0] : null;
        var owed = charge is not null && (meter.ReportsPowerFactor || charge.TaperObserved);
        return string.Join(',',
            seed, meter.ReportsPowerFactor ? 1 : 0, meter.Averaging ? 1 : 0, (int)meter.Interval.TotalSeconds,
            charge?.Start.UtcTicks ?? 0, charge?.TaperStart.UtcTicks ?? 0, charge is null ? 0 : (charge.Unplugged + options.ResolveAfter).UtcTicks,
            owed ? 1 : 0);
    }
}
