using ChargeWatch.Core.Rules.FlywireHousehold;
using ChargeWatch.Simulator.Physics.Circuits;
using ChargeWatch.Simulator.Simulation;

namespace ChargeWatch.FlywireEvaluation;

/// <summary>Prints one night reading by reading with the detector's view, to see why it decided what it did.</summary>
internal static class Trace
{
    /// <summary>An evaluation night, after <paramref name="nightsBefore"/> earlier nights of the same meter (not printed).</summary>
    public static void Household(long seed, TextWriter output, int nightsBefore = 0) =>
        Household(HouseholdModel.Create(seed, HouseholdEvaluation.OptionsFor(seed)), output, HouseholdEvaluation.NightsBefore(seed, nightsBefore));

    /// <summary>
    /// A household meter of a scenario, named (<c>trace demo b6-102</c>) or by its file, as the worker
    /// saw it; under another seed than the scenario's when <paramref name="seed"/> is given, and after
    /// <paramref name="nightsBefore"/> earlier days of the same household.
    /// </summary>
    public static int Household(string scenario, string device, TextWriter output, long? seed = null, int nightsBefore = 0)
    {
        if (ScenarioFile.Load(scenario, output) is not { } loaded)
        {
            return 2;
        }
        if (new ScenarioEngine(loaded, seed).Households.FirstOrDefault(h => h.Device == device) is not { } household)
        {
            output.WriteLine($"{scenario} has no household meter {device}");
            return 2;
        }
        Household(
            HouseholdModel.Create(household.Seed, household.Options), output,
            HouseholdEvaluation.NightsBefore(household.Seed, household.Options, nightsBefore));
        return 0;
    }

    private static void Household(CircuitNight night, TextWriter output, IEnumerable<CircuitNight>? nightsBefore = null)
    {
        var detector = new HouseholdSignatureDetector(new HouseholdSignatureOptions());
        HouseholdEvaluation.RunThrough(detector, nightsBefore ?? []);
        foreach (var charge in night.Charges)
        {
            output.WriteLine($"truth: start {charge.Start:HH:mm} taper {charge.TaperStart:HH:mm} end {charge.End:HH:mm} unplug {charge.Unplugged:HH:mm} {charge.Charger}");
        }
        output.WriteLine($"meter: {night.Meter}; loads {string.Join(",", night.Loads.Select(l => l.Name))}");
        detector.CandidateSeen = (ticks, features, probability) => output.WriteLine(
            $"{new DateTimeOffset(ticks, TimeSpan.Zero).ToOffset(night.Clock.Epoch.Offset):HH:mm:ss} candidate {(CandidatePath)features[CandidateFeatures.Path]} p {probability:0.000}: "
            + string.Join(" ", CandidateFeatures.Names.Select((name, i) => $"{name}={features[i]:0.##}")));
        foreach (var sample in night.Samples())
        {
            var change = detector.Observe(sample.Timestamp, sample.Watts, sample.PowerFactor, sample.Volts * sample.Amps);
            var truth = string.Join(" ", night.Loads.Select(l => (l.Name, W: l.At(night.Clock.SecondsAt(sample.Timestamp)).Watts)).Where(x => x.W > 0).Select(x => $"{x.Name}:{x.W:0}"));
            output.WriteLine($"{sample.Timestamp:HH:mm:ss} {sample.Watts,7:0.0} pf {sample.PowerFactor:0.00} {(change == HouseholdChange.None ? "" : change.ToString().ToUpperInvariant() + " ")}{detector.DescribeState()}  [{truth}]");
        }
    }
}
