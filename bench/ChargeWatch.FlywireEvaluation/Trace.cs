using ChargeWatch.Core.Rules.FlywireHousehold;
using ChargeWatch.Simulator.Physics.Circuits;

namespace ChargeWatch.FlywireEvaluation;

/// <summary>Prints one night reading by reading with the detector's view, to see why it decided what it did.</summary>
internal static class Trace
{
    public static void Household(long seed, TextWriter output)
    {
        var night = HouseholdModel.Create(seed, HouseholdEvaluation.OptionsFor(seed));
        foreach (var charge in night.Charges)
        {
            output.WriteLine($"truth: start {charge.Start:HH:mm} taper {charge.TaperStart:HH:mm} end {charge.End:HH:mm} unplug {charge.Unplugged:HH:mm} {charge.Charger}");
        }
        output.WriteLine($"meter: {night.Meter}; loads {string.Join(",", night.Loads.Select(l => l.Name))}");
        var detector = new HouseholdSignatureDetector(new HouseholdSignatureOptions())
        {
            CandidateSeen = (ticks, features, probability) => output.WriteLine(
                $"{new DateTimeOffset(ticks, TimeSpan.Zero).ToOffset(night.Clock.Epoch.Offset):HH:mm:ss} candidate {(CandidatePath)features[CandidateFeatures.Path]} p {probability:0.000}: "
                + string.Join(" ", CandidateFeatures.Names.Select((name, i) => $"{name}={features[i]:0.##}"))),
        };
        foreach (var sample in night.Samples())
        {
            var change = detector.Observe(sample.Timestamp, sample.Watts, sample.PowerFactor, sample.Volts * sample.Amps);
            var truth = string.Join(" ", night.Loads.Select(l => (l.Name, W: l.At(night.Clock.SecondsAt(sample.Timestamp)).Watts)).Where(x => x.W > 0).Select(x => $"{x.Name}:{x.W:0}"));
            output.WriteLine($"{sample.Timestamp:HH:mm:ss} {sample.Watts,7:0.0} pf {sample.PowerFactor:0.00} {(change == HouseholdChange.None ? "" : change.ToString().ToUpperInvariant() + " ")}{detector.DescribeState()}  [{truth}]");
        }
    }
}
