using System.Globalization;
using ChargeWatch.FlywireEvaluation;

// Usage: dotnet run -c Release --project bench/ChargeWatch.FlywireEvaluation -- [tune|report] [nights] [--verbose] [--shed] [--from SEED] [--after N] [--restart-after MINUTES] [--drawn-starts] [--displacement-pf] [--interval SECONDS] [--no-volts-amps] [--watts-only] [--set Option=value ...]
// (--set PowerFactorFromVoltsAndAmps=false measures meters without pf waiting for the taper.)
// --after N: the household detector has run N earlier nights of the same meter before each scored one
// (for candidates: every odd seed's night; the even ones' on a fresh detector).
// --displacement-pf (report, tune, candidates): the meters that report pf give cos φ, not the true power factor
// (the detector tells them apart by itself; --set ReportedPowerFactor=True measures it without that).
// --interval SECONDS (report, tune, candidates): every meter reports at that interval instead of 30, 60 or 120 s.
// --no-volts-amps (report, tune, candidates): no meter reports v and a (w, and pf where it does);
// --watts-only (report, tune, candidates): every meter reports w alone.
// --restart-after MINUTES (report, tune): that long into each night the household detector is replaced
// by a fresh one, as in a worker restarted then without its warm start (docs/operations.md §6).
var after = Array.IndexOf(args, "--after");
var nightsBefore = after >= 0 ? int.Parse(args[after + 1], CultureInfo.InvariantCulture) : 0;
var restart = Array.IndexOf(args, "--restart-after");
var restartAfter = restart >= 0 ? TimeSpan.FromMinutes(int.Parse(args[restart + 1], CultureInfo.InvariantCulture)) : TimeSpan.Zero;
if (args.Length > 1 && args[0] == "trace")
{
    // trace SEED [--after N]: an evaluation night; trace SCENARIO.yaml DEVICE [--seed S] [--after N]: a household meter of a scenario.
    if (!long.TryParse(args[1], CultureInfo.InvariantCulture, out var seed) && args.Length > 2)
    {
        var scenarioSeed = Array.IndexOf(args, "--seed");
        Environment.ExitCode = Trace.Household(
            args[1], args[2], Console.Out, scenarioSeed >= 0 ? long.Parse(args[scenarioSeed + 1], CultureInfo.InvariantCulture) : null,
            nightsBefore);
        return;
    }
    Trace.Household(seed, Console.Out, nightsBefore);
    return;
}
if (args.Length > 3 && args[0] == "candidates")
{
    // candidates FROM NIGHTS FILE [--after N] [--drawn-starts] [meter flags as for report] [--set ...]: every question the detector puts to the candidate model
    // on those nights (none fires), labelled, as CSV, and the nights' truth as FILE.nights.csv.
    using var csv = new StreamWriter(args[3]);
    using var truth = new StreamWriter(Path.ChangeExtension(args[3], ".nights.csv"));
    var rows = CandidateCollection.Write(
        long.Parse(args[1], CultureInfo.InvariantCulture), int.Parse(args[2], CultureInfo.InvariantCulture),
        OptionOverrides.Apply(args, new ChargeWatch.Core.Rules.FlywireHousehold.HouseholdSignatureOptions()), csv, truth, nightsBefore,
        args.Contains("--drawn-starts"), MeterVariant(args));
    Console.WriteLine($"{rows} candidates -> {args[3]}");
    return;
}
if (args.Length > 2 && args[0] == "field")
{
    // field SCENARIO SEEDS [--from SEED] [--after N] [--verbose] [--set ...]: the scenario's household meters under SEEDS seeds.
    var fieldFrom = Array.IndexOf(args, "--from");
    var fieldSeed = fieldFrom >= 0 ? long.Parse(args[fieldFrom + 1], CultureInfo.InvariantCulture) : 1L;
    var seeds = int.Parse(args[2], CultureInfo.InvariantCulture);
    var kinds = new SortedDictionary<string, RuleScore>(StringComparer.Ordinal);
    var field = FieldEvaluation.Run(
        args[1], fieldSeed, seeds, OptionOverrides.Apply(args, new ChargeWatch.Core.Rules.FlywireHousehold.HouseholdSignatureOptions()),
        Console.Out, kinds, args.Contains("--verbose") ? Console.WriteLine : null, nightsBefore);
    if (field is null)
    {
        Environment.ExitCode = 2;
        return;
    }
    Console.WriteLine($"Scenario {args[1]}, seeds {fieldSeed}..{fieldSeed + seeds - 1}, {(nightsBefore == 0 ? "fresh detectors" : $"detectors that ran {nightsBefore} day(s) before")}");
    ScoreTable.Print([field, .. kinds.Values], Console.Out);
    Console.WriteLine($"flywire.household on the {field.NegativeCases} nights without a charge: {field.FalseAlertsOnNegatives} false alerts = {field.FalseAlertsPer100Negatives:0.00} per 100 nights");
    return;
}
var set = args.Length > 0 ? args[0] : "report";
var nights = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 600;
var verbose = args.Contains("--verbose");
// Tuning seeds and held-out report seeds never overlap; --from picks another tuning range (below the held-out one).
var from = Array.IndexOf(args, "--from");
var firstSeed = set == "tune" ? (from >= 0 ? long.Parse(args[from + 1], CultureInfo.InvariantCulture) : 1_000L) : 500_000L;
if (firstSeed + nights > 500_000L && set == "tune")
{
    Console.Error.WriteLine("Tuning seeds must stay below the held-out range (500000 on).");
    return;
}
Action<string>? log = verbose ? Console.WriteLine : null;

// --shed: only the shed rules (flywire.tap, flywire.strip), for quick runs.
var shedOnly = args.Contains("--shed");
var byMeter = new SortedDictionary<string, RuleScore>(StringComparer.Ordinal);
var scores = shedOnly ? new List<RuleScore>() : new List<RuleScore>
{
    HouseholdEvaluation.Run(
        firstSeed, nights, OptionOverrides.Apply(args, new ChargeWatch.Core.Rules.FlywireHousehold.HouseholdSignatureOptions()), log,
        byMeter, nightsBefore, args.Contains("--drawn-starts"), restartAfter, MeterVariant(args)),
    CorridorEvaluation.Run(firstSeed, nights / 2, log),
};
scores.AddRange(
[
    TapEvaluation.Run(firstSeed, nights / 2, log, out var nearThreshold),
    StripEvaluation.Run(firstSeed, nights / 2, log),
]);
Console.WriteLine($"Seed set: {set} (seeds {firstSeed}..{firstSeed + nights - 1})");
ScoreTable.Print(scores, Console.Out);
if (!shedOnly)
{
    var household = scores[0];
    Console.WriteLine($"flywire.household on the {household.NegativeCases} nights without a charge: {household.FalseAlertsOnNegatives} false alerts = {household.FalseAlertsPer100Negatives:0.00} per 100 nights");
    Console.WriteLine();
    Console.WriteLine("flywire.household by meter (with pf, delay from the charge's start; without, from its taper's):");
    ScoreTable.Print([.. byMeter.Values], Console.Out);
}
Console.WriteLine($"flywire.tap near the contract line (taps under 150 W, left out of recall): {nearThreshold.Detected} of {nearThreshold.Cases} detected");

static Func<ChargeWatch.Simulator.Physics.Circuits.MeterOptions, ChargeWatch.Simulator.Physics.Circuits.MeterOptions>? MeterVariant(string[] args)
{
    var interval = Array.IndexOf(args, "--interval");
    var seconds = interval >= 0 ? double.Parse(args[interval + 1], CultureInfo.InvariantCulture) : 0;
    var displacement = args.Contains("--displacement-pf");
    var wattsOnly = args.Contains("--watts-only");
    var withoutVoltsAndAmps = wattsOnly || args.Contains("--no-volts-amps");
    if (seconds <= 0 && !displacement && !withoutVoltsAndAmps)
    {
        return null;
    }
    return meter => meter with
    {
        Interval = seconds > 0 ? TimeSpan.FromSeconds(seconds) : meter.Interval,
        ReportsDisplacementPowerFactor = displacement,
        ReportsVoltageAndCurrent = meter.ReportsVoltageAndCurrent && !withoutVoltsAndAmps,
        ReportsPowerFactor = meter.ReportsPowerFactor && !wattsOnly,
    };
}
