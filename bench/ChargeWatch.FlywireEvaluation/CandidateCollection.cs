using System.Globalization;
using ChargeWatch.Core.Rules.FlywireHousehold;
using ChargeWatch.Simulator.Physics.Circuits;

namespace ChargeWatch.FlywireEvaluation;

/// <summary>
/// Every question flywire.household's detector puts to its candidate model on a range of nights,
/// labelled by the night's truth (a charger plugged in: the alert would count), with the nights'
/// truth beside them — the model's training data, and the frontier analysis's (docs/flywire.md,
/// "Round ten"). No candidate fires (every threshold is set above every probability on the
/// options given), so the detector asks on as it would until its first alert: the first ask a threshold
/// passes is the detector's first alert at that threshold.
/// </summary>
public static class CandidateCollection
{
    /// <summary>
    /// Writes the questions of the nights. Every odd seed's night is asked after
    /// <paramref name="nightsBefore"/> earlier nights of the same meter, every even one's on a fresh
    /// detector: a worker's detectors run for days, and start fresh after each restart.
    /// <paramref name="drawnStarts"/>, <paramref name="meterVariant"/>: as <see cref="HouseholdEvaluation.Run"/>'s.
    /// </summary>
    public static int Write(
        long firstSeed, int nights, HouseholdSignatureOptions options, TextWriter output, TextWriter nightsOutput, int nightsBefore = 0,
        bool drawnStarts = false, Func<MeterOptions, MeterOptions>? meterVariant = null)
    {
        var inv = CultureInfo.InvariantCulture;
        options.CandidateProbabilityMin = 2;
        options.NearDeadlineProbabilityMin = 2;
        options.WattsOnlyProbabilityMin = 2;
        output.WriteLine("seed,ticks,label,probability," + string.Join(",", CandidateFeatures.Names));
        nightsOutput.WriteLine("seed,pf,averaging,interval_s,charge_start,taper_start,judged_until,owed");
        var rows = 0;
        for (var seed = firstSeed; seed < firstSeed + nights; seed++)
        {
            var nightOptions = HouseholdEvaluation.OptionsFor(seed);
            if (meterVariant is not null)
            {
                nightOptions = nightOptions with { Meter = meterVariant(nightOptions.Meter) };
            }
            var night = HouseholdModel.Create(seed, drawnStarts ? nightOptions with { ChargeStart = null } : nightOptions);
            nightsOutput.WriteLine(NightTruth(seed, night, options));
            var detector = new HouseholdSignatureDetector(options);
            HouseholdEvaluation.RunThrough(detector, HouseholdEvaluation.NightsBefore(seed, nightOptions, seed % 2 == 1 ? nightsBefore : 0));
            detector.CandidateSeen = (ticks, features, probability) =>
            {
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
