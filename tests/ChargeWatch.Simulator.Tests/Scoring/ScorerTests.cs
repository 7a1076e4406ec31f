using ChargeWatch.Simulator.Scoring;
using ChargeWatch.Simulator.Simulation;

namespace ChargeWatch.Simulator.Tests.Scoring;

public class ScorerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 7, 8, 20, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void Score_HitsMissesAndFalseAlerts_GivesPrecisionRecallAndDelay()
    {
        var truth = Truth(
            new TruthExpectation("overcurrent", "c1", 3, T0, T0.AddMinutes(5)),
            new TruthExpectation("overcurrent", "c2", 1, T0, T0.AddMinutes(5)),
            new TruthExpectation("smoke", "s1", null, T0, T0.AddMinutes(2)));
        ReceivedAlert[] alerts =
        [
            new("a", "overcurrent", "firing", "c1", 3, T0.AddSeconds(40)),
            new("a", "overcurrent", "firing", "c1", 3, T0.AddSeconds(40)),   // QoS 1 redelivery
            new("a", "overcurrent", "resolved", "c1", 3, T0.AddSeconds(40)),
            new("b", "overcurrent", "firing", "c9", 3, T0.AddSeconds(10)),   // nothing injected there
            new("c", "smoke", "firing", "s1", null, T0.AddSeconds(61)),
        ];

        var scores = Scorer.Score(truth, alerts).ToDictionary(s => s.Rule);

        Assert.Equal((1, 1, 1), (scores["overcurrent"].TruePositives, scores["overcurrent"].FalseNegatives, scores["overcurrent"].FalsePositives));
        Assert.Equal(0.5, scores["overcurrent"].Precision);
        Assert.Equal(0.5, scores["overcurrent"].Recall);
        Assert.Equal(TimeSpan.FromSeconds(40), scores["overcurrent"].MedianDelay);
        Assert.Equal(1.0, scores["smoke"].Recall);
        Assert.Equal(TimeSpan.FromSeconds(61), scores["smoke"].P95Delay);
    }

    [Fact]
    public void Score_AlertOutsideItsWindow_DoesNotCount()
    {
        var truth = Truth(new TruthExpectation("leakage", "f1", null, T0, T0.AddMinutes(3)));

        var score = Assert.Single(Scorer.Score(truth, [new ReceivedAlert("x", "leakage", "firing", "f1", null, T0.AddMinutes(10))]));

        Assert.Equal((0, 1, 1), (score.TruePositives, score.FalseNegatives, score.FalsePositives));
    }

    [Fact]
    public void Score_OptionalExpectation_IsNeitherMissedWhenAbsentNorFalseWhenPresent()
    {
        var truth = Truth(
            new TruthExpectation("overcurrent", "c1", 3, T0, T0.AddMinutes(5)),
            new TruthExpectation("flywire.strip", "c1", 3, T0.AddMinutes(1), T0.AddMinutes(4), Optional: true),
            new TruthExpectation("flywire.strip", "c2", 1, T0.AddMinutes(1), T0.AddMinutes(4), Optional: true));
        ReceivedAlert[] alerts =
        [
            new("a", "overcurrent", "firing", "c1", 3, T0.AddSeconds(35)),
            new("b", "flywire.strip", "firing", "c1", 3, T0.AddMinutes(2)),
        ];

        var scores = Scorer.Score(truth, alerts).ToDictionary(s => s.Rule);

        Assert.Equal((1, 0, 0), (scores["overcurrent"].TruePositives, scores["overcurrent"].FalseNegatives, scores["overcurrent"].FalsePositives));
        Assert.False(scores.ContainsKey("flywire.strip"));
    }

    [Fact]
    public void Score_OptionalExpectation_DoesNotTakeTheAlertARequiredOneNeeds()
    {
        // Listed first, the optional window would otherwise claim the one strip alert.
        var truth = Truth(
            new TruthExpectation("flywire.strip", "c1", 3, T0, T0.AddMinutes(10), Optional: true),
            new TruthExpectation("flywire.strip", "c1", 3, T0.AddMinutes(2), T0.AddMinutes(5)));

        var score = Assert.Single(Scorer.Score(truth, [new ReceivedAlert("b", "flywire.strip", "firing", "c1", 3, T0.AddMinutes(3))]));

        Assert.Equal((1, 0, 0), (score.TruePositives, score.FalseNegatives, score.FalsePositives));
    }

    [Fact]
    public void TryParse_ContractAlertMessage_ReadsTheScoringFields()
    {
        var json = """
            {"id":"overcurrent|dongyuan-1|charger|shed-a-c01|3","rule":"overcurrent","status":"firing",
             "severity":"critical","site":"dongyuan-1","kind":"charger","device":"shed-a-c01","port":3,
             "startsAt":"2026-07-08T21:30:09.000+08:00","endsAt":null,
             "value":10.0,"threshold":4.0,"unit":"A","confidence":1.0,
             "summary":"Port 3 of shed-a-c01 drew 10.0 A (2.5x its rated 4.0 A)"}
            """u8;

        Assert.True(ReceivedAlert.TryParse(json, out var alert));

        Assert.Equal(new ReceivedAlert("overcurrent|dongyuan-1|charger|shed-a-c01|3", "overcurrent", "firing", "shed-a-c01", 3,
            new DateTimeOffset(2026, 7, 8, 21, 30, 9, TimeSpan.FromHours(8))), alert);
    }

    private static ScenarioTruth Truth(params TruthExpectation[] expected) => new()
    {
        Scenario = "t", Site = "s", Seed = 1, Start = T0, End = T0.AddHours(1), Events = [], Expected = expected,
    };
}
