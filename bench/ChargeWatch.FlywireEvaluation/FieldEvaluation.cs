using ChargeWatch.Core.Rules.FlywireHousehold;
using ChargeWatch.Simulator.Physics.Circuits;
using ChargeWatch.Simulator.Simulation;

namespace ChargeWatch.FlywireEvaluation;

/// <summary>
/// The household meters of a scenario's community, under many seeds: the field's one night per
/// household is too few to tell a false-alert rate from luck, and its households are drawn by the
/// scenario's buildings (interval, pf share, season, charge probability), not by the harness's mix.
/// Each meter runs through a fresh detector, as in a worker started with the scenario, or through
/// one that has seen <c>nightsBefore</c> earlier days of the same household.
/// </summary>
internal static class FieldEvaluation
{
    public static RuleScore? Run(
        string scenario, long firstSeed, int seeds, HouseholdSignatureOptions options, TextWriter output,
        IDictionary<string, RuleScore> byMeter, Action<string>? log, int nightsBefore)
    {
        if (ScenarioFile.Load(scenario, output) is not { } loaded)
        {
            return null;
        }
        var score = new RuleScore("flywire.household");
        for (var seed = firstSeed; seed < firstSeed + seeds; seed++)
        {
            foreach (var household in new ScenarioEngine(loaded, seed).Households)
            {
                var night = HouseholdModel.Create(household.Seed, household.Options);
                var nightScore = HouseholdEvaluation.Score(
                    seed, night, options, log is null ? null : line => log($"{household.Device} {line}"),
                    HouseholdEvaluation.NightsBefore(household.Seed, household.Options, nightsBefore));
                score.Merge(nightScore);
                HouseholdEvaluation.MergeByMeter(byMeter, night.Meter, nightScore);
            }
        }
        return score;
    }
}
