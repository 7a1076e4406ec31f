using ChargeWatch.Core.Rules.FlywireHousehold;
using ChargeWatch.FlywireEvaluation;
using ChargeWatch.Simulator.Physics.Circuits;

namespace ChargeWatch.Flywire.Tests.Evaluation;

/// <summary>
/// The evaluation harness on a reduced held-out set, with the issue's targets for recall, precision and
/// false alerts asserted as floors (met since round nine: docs/flywire.md). Detection within 45 min
/// (15 min of the taper without pf) is not met for every charge; the late count is held to what is
/// measured so that it can only fall.
/// </summary>
public sealed class HouseholdEvaluationTests
{
    private const long HeldOutSeed = 500_000;

    // 400 nights (150 until round eight, where 3 charges moved recall by 0.05), each scored on a fresh
    // detector and on one that has run through the household's day before, readings without a break (a worker's
    // detectors run for days, and start fresh after a restart), and with the charges the harness forces at
    // 18:12 and 23:54 started at the hours the model draws instead (round twenty-eight: the forced 18:12 is
    // seldom late, and weighs the default set towards it): each run once for both tests.
    private static readonly Dictionary<(int NightsBefore, bool DrawnStarts), Lazy<RuleScore>> ReducedHeldOutSet = new[]
    {
        (0, false), (1, false), (0, true), (1, true),
    }.ToDictionary(key => key, key => new Lazy<RuleScore>(
        () => HouseholdEvaluation.Run(HeldOutSeed, 400, nightsBefore: key.Item1, drawnStarts: key.Item2)));

    /// <summary>
    /// Measured after round twenty-six: fresh recall 0.989, precision 0.991, 0.50 false alerts per 100
    /// nights, 6 late; after a night 0.978 / 0.986 / 0.75, 9 late (`-- report 400 --after 0|1`; round
    /// twenty-seven runs the same household's day before without the morning's gap: 0.973 / 1.000 /
    /// 0.00, 9 late (another household's day: 0.973 / 0.990 / 0.50, 9 late); before
    /// round twenty-six every night was scored fresh: round twenty-three 0.984 / 0.995 / 0.25, 7 late; round seventeen 0.968 / 0.986 / 0.75, 3 late; round sixteen the same with 6 late; round fifteen 0.978 / 0.982 / 1.00, 9 late; round thirteen 0.973 / 0.982 / 1.00, 9 late, and 0.968 / 0.982 / 1.00, 11 late with the larger model alone; round twelve 0.962 /
    /// 0.982 / 1.00, 11 late, and 0.962 / 0.986 / 0.75, 12 late before the start-up surge; round eleven 0.957 /
    /// 0.983 / 1.00, 14 late, 17 before corroboration; round ten
    /// 0.957 / 0.987 / 0.75, 18 late; round nine 0.962 / 0.982 / 1.00, 22 late). At the drawn hours (round
    /// twenty-eight, `-- report 400 --drawn-starts --after 0|1`): 0.978 / 0.991 / 0.50, 9 late; after a day
    /// 0.957 / 1.000 / 0.00, 17 late (the household's appliances used through the day; 0.968, 16 late with
    /// an empty day). At the harness's hours after a busy day: 0.968 / 1.000 / 0.00, 9 late.
    /// </summary>
    [Theory]
    [InlineData(0, false)]
    [InlineData(1, false)]
    [InlineData(0, true)]
    [InlineData(1, true)]
    public void Run_ReducedHeldOutSet_MeetsTheIssuesTargets(int nightsBefore, bool drawnStarts)
    {
        var score = ReducedHeldOutSet[(nightsBefore, drawnStarts)].Value;

        Assert.True(score.Positives >= 150, $"positives {score.Positives}");
        Assert.True(score.Recall >= 0.95, $"recall {score.Recall:0.000}");
        Assert.True(score.Precision >= 0.95, $"precision {score.Precision:0.000}");
        Assert.True(score.FalseAlertsPer100 <= 1.0, $"false alerts per 100 nights {score.FalseAlertsPer100:0.00}");
        Assert.True(score.MicrosecondsPerReading <= 20, $"{score.MicrosecondsPerReading:0.00} µs per reading (debug build)");
    }

    /// <summary>
    /// Round twenty-six measured 6 fresh and 9 after a night. Fresh, round twenty-three measured 7 (its model was
    /// late on 4 more of these 400 nights and on 2 more of the 2,000, docs/flywire.md item 90), round
    /// seventeen 3, round sixteen 6, 9 before it. At the drawn hours round twenty-eight measured 9 fresh and
    /// 17 after a day with the household's appliances used through it (16 after a day in which only the
    /// refrigerator and standby drew). Round thirty's higher near-deadline threshold for a new meter
    /// (docs/flywire.md item 116) traded fresh detectors' false alerts for late charges: 6 → 8 fresh,
    /// 9 → 14 fresh at the drawn hours. The issue's delay target is not met, and these floors only
    /// keep it from getting worse.
    /// </summary>
    [Theory]
    [InlineData(0, false, 8)]
    [InlineData(1, false, 9)]
    [InlineData(0, true, 14)]
    [InlineData(1, true, 17)]
    public void Run_ReducedHeldOutSet_LateDetectionsStayAtMostTheMeasuredLevel(int nightsBefore, bool drawnStarts, int measured)
    {
        var score = ReducedHeldOutSet[(nightsBefore, drawnStarts)].Value;

        Assert.True(score.Late <= measured, $"late {score.Late} of {score.Detected}");
    }

    /// <summary>
    /// Meters that report every 3 or 5 min, the contract's slowest, have their own candidate model since
    /// round thirty-one (docs/flywire.md item 119): the false alerts are held to the issue's target
    /// (`-- report 2000 --interval 180|300`: 0.45 and 0.45 per 100 nights; 3.45 and 10.80 with the
    /// 30–120 s model); recall is below it (0.908 and 0.853 there), and held here to what is measured
    /// (these 400 nights: recall 0.914 and 0.844, 0.25 and 0.75 false alerts per 100 nights).
    /// </summary>
    [Theory]
    [InlineData(180, 0.88)]
    [InlineData(300, 0.82)]
    public void Run_SlowMeters_FalseAlertsMeetTheTarget(int intervalSeconds, double recallMeasured)
    {
        var score = HouseholdEvaluation.Run(
            HeldOutSeed, 400, meterVariant: meter => meter with { Interval = TimeSpan.FromSeconds(intervalSeconds) });

        Assert.True(score.FalseAlertsPer100 <= 1.0, $"false alerts per 100 nights {score.FalseAlertsPer100:0.00}");
        Assert.True(score.Recall >= recallMeasured, $"recall {score.Recall:0.000}");
    }

    /// <summary>
    /// Meters that report <c>w</c> alone are judged by a model of their own since round thirty-one
    /// (docs/flywire.md item 120): `-- report 2000 --watts-only` 0.60 false alerts per 100 nights,
    /// 5.65 with the paths alone. Only the taper tells on such a meter: recall is below the target
    /// (711 of 932 there) and held here to what is measured (these 400 nights: 0.731 and 0.25
    /// false alerts; the paths alone 0.790 and 4.75).
    /// </summary>
    [Fact]
    public void Run_WattsOnlyMeters_FalseAlertsMeetTheTarget()
    {
        var score = HouseholdEvaluation.Run(
            HeldOutSeed, 400, meterVariant: meter => meter with { ReportsPowerFactor = false, ReportsVoltageAndCurrent = false });

        Assert.True(score.FalseAlertsPer100 <= 1.0, $"false alerts per 100 nights {score.FalseAlertsPer100:0.00}");
        Assert.True(score.Recall >= 0.70, $"recall {score.Recall:0.000}");
    }

    [Fact]
    public void Run_ByMeter_SplitsEveryNightIntoOneKindAndCoversAllFour()
    {
        var byMeter = new Dictionary<string, RuleScore>();

        var score = HouseholdEvaluation.Run(HeldOutSeed, 48, byMeter: byMeter);

        // Sampling meters are drawn apart from pf, so both kinds of meter report pf in some nights.
        Assert.Equal(
            ["household, no pf, averaging", "household, no pf, sampling", "household, pf, averaging", "household, pf, sampling"],
            byMeter.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(score.Cases, byMeter.Values.Sum(s => s.Cases));
        Assert.Equal(score.Positives, byMeter.Values.Sum(s => s.Positives));
        Assert.Equal(score.Detected, byMeter.Values.Sum(s => s.Detected));
        Assert.Equal(score.FalseAlerts, byMeter.Values.Sum(s => s.FalseAlerts));
    }

    [Fact]
    public void NightsBefore_AreTheSameMetersEarlierNightsOldestFirst()
    {
        const long seed = HeldOutSeed + 7;
        var scored = HouseholdModel.Create(seed, HouseholdEvaluation.OptionsFor(seed));

        var before = HouseholdEvaluation.NightsBefore(seed, 2).ToList();

        Assert.Equal([scored.Start.AddDays(-2), scored.Start.AddDays(-1)], before.Select(n => n.Start));
        Assert.All(before, n => Assert.Equal(scored.Meter, n.Meter));
        Assert.True(before[^1].Samples().Last().Timestamp < scored.Samples().First().Timestamp);
    }

    /// <summary>
    /// A meter without pf that reports volts and amps is judged on the pf they imply, so the charger is
    /// found on its plateau; with that off, only its taper tells. The score counts both from the taper.
    /// </summary>
    [Fact]
    public void Run_PowerFactorFromVoltsAndAmps_FindsChargersWithoutPfBeforeTheirTaper()
    {
        const string kind = "household, no pf, averaging";
        var fromVoltsAndAmps = new Dictionary<string, RuleScore>();
        var taperOnly = new Dictionary<string, RuleScore>();

        HouseholdEvaluation.Run(HeldOutSeed, 48, byMeter: fromVoltsAndAmps);
        HouseholdEvaluation.Run(HeldOutSeed, 48, new HouseholdSignatureOptions { PowerFactorFromVoltsAndAmps = false }, byMeter: taperOnly);

        Assert.True(fromVoltsAndAmps[kind].DelayPercentile(0.5) < 0, $"median delay {fromVoltsAndAmps[kind].DelayPercentile(0.5):0.0} min");
        Assert.True(taperOnly[kind].DelayPercentile(0.5) > 0, $"taper-only median delay {taperOnly[kind].DelayPercentile(0.5):0.0} min");
    }

    /// <summary>
    /// A worker restarted at 21:00 without its warm start (round twenty-nine, `--restart-after`): the
    /// charge plugged in at 20:50 (its drawn hour) is part of the fresh detector's base load and is
    /// missed; the uninterrupted detector, which the warm start gives back, finds it.
    /// </summary>
    [Fact]
    public void Run_RestartWithoutWarmStartMidCharge_ChargeMissed()
    {
        var uninterrupted = HouseholdEvaluation.Run(500048, 1, drawnStarts: true);
        var restarted = HouseholdEvaluation.Run(500048, 1, drawnStarts: true, restartAfter: TimeSpan.FromHours(4));

        Assert.Equal((1, 1), (uninterrupted.Positives, uninterrupted.Detected));
        Assert.Equal((1, 0), (restarted.Positives, restarted.Detected));
    }
}
