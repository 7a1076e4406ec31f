using ChargeWatch.FlywireEvaluation;

namespace ChargeWatch.Flywire.Tests.Evaluation;

/// <summary>The trainer of the candidate model, on data whose rule is known.</summary>
public sealed class GradientBoostingTests
{
    // An interaction of two features (a charger-like step that is also still on) and one feature of noise.
    private static int Rule(double[] x) => x[0] > 0.6 && x[1] < 0.3 ? 1 : 0;

    private static (double[][] X, int[] Y) Draw(int count, int seed)
    {
        var random = new Random(seed);
        var x = Enumerable.Range(0, count).Select(_ => new[] { random.NextDouble(), random.NextDouble(), random.NextDouble() }).ToArray();
        return (x, x.Select(Rule).ToArray());
    }

    [Fact]
    public void Train_InteractionOfTwoFeatures_IsLearnedOnUnseenData()
    {
        var (x, y) = Draw(4000, seed: 1);
        var (unseen, truth) = Draw(2000, seed: 2);

        var model = new GradientBoosting(trees: 60, depth: 2, learningRate: 0.3, lambda: 1, minLeaf: 10).Train(x, y);

        var correct = unseen.Where((row, i) => (model.Probability(row) >= 0.5 ? 1 : 0) == truth[i]).Count();
        Assert.True(correct >= 0.98 * unseen.Length, $"{correct} of {unseen.Length} right");
        Assert.Contains(model.Features[model.Roots[0]], new[] { 0, 1 });
    }

    [Fact]
    public void Train_SameData_GivesTheSameModel()
    {
        var (x, y) = Draw(1000, seed: 3);
        var trainer = new GradientBoosting(trees: 10, depth: 3, learningRate: 0.1, lambda: 5, minLeaf: 20);

        var first = trainer.Train(x, y);
        var second = trainer.Train(x, y);

        Assert.Equal(first.Features, second.Features);
        Assert.Equal(first.Thresholds, second.Thresholds);
    }

    [Fact]
    public void Train_LeavesTooSmallToSplit_GivesOneLeafPerTree()
    {
        var (x, y) = Draw(30, seed: 4);

        var model = new GradientBoosting(trees: 5, depth: 3, learningRate: 0.1, lambda: 5, minLeaf: 20).Train(x, y);

        Assert.Equal(5, model.Features.Count);
        Assert.All(model.Features, f => Assert.Equal(-1, f));
    }
}
