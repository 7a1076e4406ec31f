using ChargeWatch.Core.Rules.FlywireHousehold;
using ChargeWatch.FlywireEvaluation;

namespace ChargeWatch.Flywire.Tests.Rules.FlywireHousehold;

/// <summary>The trained candidate model compiled into the detector, against the features the detector gives it.</summary>
public sealed class CandidateModelTests
{
    [Fact]
    public void Names_OnePerFeature() => Assert.Equal(CandidateFeatures.Count, CandidateFeatures.Names.Length);

    [Fact]
    public void Model_IsTrainedOnTheDetectorsFeatures()
    {
        Assert.True(CandidateModel.IsTrained);
        Assert.InRange(CandidateModel.HighestFeature, 0, CandidateFeatures.Count - 1);
    }

    [Fact]
    public void Probability_OfAnyCandidate_IsAProbability()
    {
        var missing = Enumerable.Repeat(CandidateFeatures.Missing, CandidateFeatures.Count).ToArray();
        var zeros = new double[CandidateFeatures.Count];

        Assert.InRange(CandidateModel.Probability(missing), 0, 1);
        Assert.InRange(CandidateModel.Probability(zeros), 0, 1);
    }

    [Theory]
    [InlineData(2.5)]
    [InlineData(5.0)]
    public void Probability_SlowMeter_IsTheSlowMeterModels(double intervalMinutes)
    {
        var question = Enumerable.Repeat(CandidateFeatures.Missing, CandidateFeatures.Count).ToArray();
        question[CandidateFeatures.IntervalMinutes] = intervalMinutes;

        Assert.False(SlowMeterCandidateModel.Ensemble.IsEmpty);
        Assert.True(CandidateModel.IsWattsOnlyTrained);
        Assert.InRange(SlowMeterCandidateModel.Ensemble.HighestFeature, 0, CandidateFeatures.Count - 1);
        Assert.InRange(WattsOnlyCandidateModel.Ensemble.HighestFeature, 0, CandidateFeatures.Count - 1);
        Assert.Equal(SlowMeterCandidateModel.Ensemble.Probability(question), CandidateModel.Probability(question));
    }

    [Fact]
    public void Probability_MeterOfTheHarnessIntervals_IsNotTheSlowMeterModels()
    {
        // The two models disagree on some question; for 2-min meters the first one must answer.
        var question = Enumerable.Repeat(CandidateFeatures.Missing, CandidateFeatures.Count).ToArray();
        question[CandidateFeatures.IntervalMinutes] = 2.0;
        var differ = Enumerable.Range(0, CandidateFeatures.Count).Any(feature =>
        {
            var asked = (double[])question.Clone();
            if (feature != CandidateFeatures.IntervalMinutes)
            {
                asked[feature] = 100;
            }
            return CandidateModel.Probability(asked) != SlowMeterCandidateModel.Ensemble.Probability(asked);
        });

        Assert.True(differ);
    }

    /// <summary>The model decides: a charge found in time (2116) is not alerted on when no probability is enough.</summary>
    [Fact]
    public void Run_ProbabilityNoCandidateReaches_RaisesNoAlert()
    {
        var decided = HouseholdEvaluation.Run(2116, 1);
        var turnedDown = HouseholdEvaluation.Run(2116, 1, new HouseholdSignatureOptions { CandidateProbabilityMin = 1.01, NearDeadlineProbabilityMin = 1.01 });

        Assert.Equal(1, decided.Detected);
        Assert.Equal((0, 0), (turnedDown.Detected, turnedDown.FalseAlerts));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    public void Options_ProbabilityOutsideZeroToOne_IsAProblem(double probability)
    {
        var problems = new HouseholdSignatureOptions { CandidateProbabilityMin = probability }.Problems();

        Assert.Contains(problems, p => p.Contains(nameof(HouseholdSignatureOptions.CandidateProbabilityMin), StringComparison.Ordinal));
    }

    [Fact]
    public void Options_NearDeadlineFromAfterUntil_IsAProblem()
    {
        var problems = new HouseholdSignatureOptions { NearDeadlineFrom = TimeSpan.FromMinutes(50) }.Problems();

        Assert.Contains(problems, p => p.Contains(nameof(HouseholdSignatureOptions.NearDeadlineFrom), StringComparison.Ordinal));
    }

    [Fact]
    public void Options_Defaults_HaveNoProblem() => Assert.Empty(new HouseholdSignatureOptions().Problems());
}
