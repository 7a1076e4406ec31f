using ChargeWatch.Core.Rules.FlywireHousehold;

namespace ChargeWatch.Flywire.Tests.Rules.FlywireHousehold;

/// <summary>The ensemble laid out for the walk reads scikit-learn's flat arrays exactly as they say.</summary>
public sealed class TreeEnsembleTests
{
    // Two trees in scikit-learn's depth-first numbering: x0 ≤ 1 ? (x1 ≤ 5 ? 0.5 : -0.25) : 1.0, and x1 ≤ 2 ? -1.0 : 0.75.
    private static readonly int[] Roots = [0, 5];
    private static readonly int[] Features = [0, 1, -1, -1, -1, 1, -1, -1];
    private static readonly double[] Thresholds = [1, 5, 0.5, -0.25, 1.0, 2, -1.0, 0.75];
    private static readonly int[] Lefts = [1, 2, -1, -1, -1, 6, -1, -1];
    private static readonly int[] Rights = [4, 3, -1, -1, -1, 7, -1, -1];

    [Theory]
    [InlineData(0.0, 0.0, 0.5 - 1.0)]
    [InlineData(1.0, 5.0, 0.5 + 0.75)] // at the threshold goes left
    [InlineData(0.0, 6.0, -0.25 + 0.75)]
    [InlineData(3.0, 1.0, 1.0 - 1.0)]
    [InlineData(double.NaN, double.NaN, 1.0 + 0.75)] // missing goes right, as in scikit-learn
    public void Probability_HandMadeTrees_IsTheLogisticOfBiasAndLeaves(double x0, double x1, double leaves)
    {
        var ensemble = new TreeEnsemble(0.1, Roots, Features, Thresholds, Lefts, Rights);

        Assert.Equal(1 / (1 + Math.Exp(-(0.1 + leaves))), ensemble.Probability([x0, x1]), 15);
    }

    [Fact]
    public void HighestFeature_IsTheLargestSplitFeature()
    {
        Assert.Equal(1, new TreeEnsemble(0, Roots, Features, Thresholds, Lefts, Rights).HighestFeature);
        Assert.Equal(-1, new TreeEnsemble(0, [], [], [], [], []).HighestFeature);
        Assert.True(new TreeEnsemble(0, [], [], [], [], []).IsEmpty);
    }

    [Fact]
    public void Probability_FewerValuesThanTheTreesSplitOn_IsRefused()
    {
        // The walk reads without bounds checks, so a short vector must not reach it.
        var ensemble = new TreeEnsemble(0, Roots, Features, Thresholds, Lefts, Rights);

        Assert.Throws<ArgumentException>(() => ensemble.Probability([1.0]));
    }

    [Fact]
    public void Constructor_FeatureBeyondWhatANodePacks_IsRefused()
    {
        // A node packs its feature in a byte, and the leaves' slot takes the one past the highest.
        Assert.Throws<ArgumentException>(() => new TreeEnsemble(0, [0], [255, -1, -1], [1, 0.5, -0.5], [1, -1, -1], [2, -1, -1]));
    }

    [Fact]
    public void Probability_TheLargestPackableFeature_IsRead()
    {
        var x = new double[255];
        x[254] = 2;
        var ensemble = new TreeEnsemble(0, [0], [254, -1, -1], [1, 0.5, -0.5], [1, -1, -1], [2, -1, -1]);

        Assert.Equal(1 / (1 + Math.Exp(0.5)), ensemble.Probability(x), 15);
    }

    [Fact]
    public void Constructor_FeatureSplitAtMoreThresholdsThanARankPacks_IsRefused()
    {
        // 256 splits on feature 0 at 256 different thresholds, in a chain down the left.
        const int splits = 256;
        var features = Enumerable.Repeat(0, splits).Append(-1).Concat(Enumerable.Repeat(-1, splits)).ToArray();
        var thresholds = Enumerable.Range(0, splits).Select(i => (double)(splits - i)).Concat(Enumerable.Repeat(0.0, splits + 1)).ToArray();
        var lefts = Enumerable.Range(1, splits).Concat(Enumerable.Repeat(-1, splits + 1)).ToArray();
        var rights = Enumerable.Range(splits + 1, splits).Concat(Enumerable.Repeat(-1, splits + 1)).ToArray();

        var refused = Assert.Throws<ArgumentException>(() => new TreeEnsemble(0, [0], features, thresholds, lefts, rights));
        Assert.Contains("256 thresholds", refused.Message);
    }

    [Fact]
    public void Probability_ThresholdsOfAFeatureShared_ReadEachSplitAtItsOwn()
    {
        // x0 ≤ 1 ? (x0 ≤ 0.5 ? 1 : 2) : (x0 ≤ 3 ? 4 : 8): three thresholds of one feature, ranked 0, 1, 2.
        var ensemble = new TreeEnsemble(
            0, [0], [0, 0, -1, -1, 0, -1, -1], [1, 0.5, 1, 2, 3, 4, 8], [1, 2, -1, -1, 5, -1, -1], [4, 3, -1, -1, 6, -1, -1]);

        foreach (var (x, leaf) in new[] { (0.5, 1.0), (0.7, 2.0), (1.0, 2.0), (2.0, 4.0), (3.0, 4.0), (3.5, 8.0), (double.PositiveInfinity, 8.0), (double.NegativeInfinity, 1.0), (double.NaN, 8.0) })
        {
            Assert.Equal(1 / (1 + Math.Exp(-leaf)), ensemble.Probability([x]));
        }
    }

    [Fact]
    public void Probability_RandomTrees_EqualsAWalkOfTheFlatArrays()
    {
        var random = new Random(2026);
        for (var round = 0; round < 20; round++)
        {
            var trees = RandomTrees(random, count: 50, features: 8);
            var ensemble = new TreeEnsemble(0.3, [.. trees.Roots], [.. trees.Features], [.. trees.Thresholds], [.. trees.Lefts], [.. trees.Rights]);
            for (var ask = 0; ask < 200; ask++)
            {
                var x = Enumerable.Range(0, 8).Select(_ => random.Next(10) switch { 0 => double.NaN, 1 => random.Next(2) == 0 ? double.PositiveInfinity : double.NegativeInfinity, _ => Math.Round((random.NextDouble() * 12) - 1, 1) }).ToArray();

                Assert.Equal(FlatWalk(0.3, trees, x), ensemble.Probability(x));
            }
        }
    }

    /// <summary>The walk the model had before it was laid out (and scikit-learn's reading of its arrays).</summary>
    private static double FlatWalk(double bias, FlatTrees trees, double[] x)
    {
        var sum = bias;
        foreach (var root in trees.Roots)
        {
            var node = root;
            while (trees.Features[node] >= 0)
            {
                node = x[trees.Features[node]] <= trees.Thresholds[node] ? trees.Lefts[node] : trees.Rights[node];
            }
            sum += trees.Thresholds[node];
        }
        return 1 / (1 + Math.Exp(-sum));
    }

    /// <summary>Unbalanced trees numbered depth first, one after another, as scikit-learn exports them.</summary>
    private static FlatTrees RandomTrees(Random random, int count, int features)
    {
        var trees = new FlatTrees([], [], [], [], []);
        for (var t = 0; t < count; t++)
        {
            trees.Roots.Add(trees.Features.Count);
            Grow(random, trees, features, depth: 0);
        }
        return trees;
    }

    private static int Grow(Random random, FlatTrees trees, int features, int depth)
    {
        var node = trees.Features.Count;
        var leaf = depth >= 6 || (depth > 0 && random.Next(4) == 0);
        trees.Features.Add(leaf ? -1 : random.Next(features));
        trees.Thresholds.Add(leaf ? random.NextDouble() - 0.5 : Math.Round(random.NextDouble() * 10, 1));
        trees.Lefts.Add(-1);
        trees.Rights.Add(-1);
        if (!leaf)
        {
            trees.Lefts[node] = Grow(random, trees, features, depth + 1);
            trees.Rights[node] = Grow(random, trees, features, depth + 1);
        }
        return node;
    }

    private sealed record FlatTrees(List<int> Roots, List<int> Features, List<double> Thresholds, List<int> Lefts, List<int> Rights);
}
