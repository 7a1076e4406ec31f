using ChargeWatch.FlywireEvaluation;

namespace ChargeWatch.Flywire.Tests.Evaluation;

public sealed class CorridorEvaluationTests
{
    [Fact]
    public void Run_ReducedHeldOutSet_MeetsIssueTargets()
    {
        var score = CorridorEvaluation.Run(500_000, 60);

        Assert.True(score.Positives >= 25, $"positives {score.Positives}");
        Assert.True(score.Recall >= 0.98, $"recall {score.Recall:0.000}");
        Assert.True(score.Precision >= 0.98, $"precision {score.Precision:0.000}");
    }
}
