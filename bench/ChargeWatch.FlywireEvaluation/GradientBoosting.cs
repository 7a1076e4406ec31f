using System.Runtime.InteropServices;
using ChargeWatch.Core.Rules.FlywireHousehold;

namespace ChargeWatch.FlywireEvaluation;

/// <summary>
/// Gradient-boosted regression trees for a logistic loss (Newton steps, L2 on leaf values), small
/// enough to read: presorted features, level-wise growth to a fixed depth. Deterministic.
/// </summary>
public sealed class GradientBoosting(int trees, int depth, double learningRate, double lambda, int minLeaf)
{
    public sealed record Model(double Bias, List<int> Roots, List<int> Features, List<double> Thresholds, List<int> Lefts, List<int> Rights)
    {
        /// <summary>The model's probability for one row, walked as the detector's compiled model walks it.</summary>
        public double Probability(double[] x) => TreeEnsemble.Probability(
            x, Bias, CollectionsMarshal.AsSpan(Roots), CollectionsMarshal.AsSpan(Features), CollectionsMarshal.AsSpan(Thresholds),
            CollectionsMarshal.AsSpan(Lefts), CollectionsMarshal.AsSpan(Rights));
    }

    public Model Train(double[][] x, int[] y)
    {
        var n = x.Length;
        var featureCount = x[0].Length;
        var order = new int[featureCount][];
        var sorted = new double[featureCount][];
        for (var f = 0; f < featureCount; f++)
        {
            var feature = f;
            order[f] = Enumerable.Range(0, n).OrderBy(i => x[i][feature]).ThenBy(i => i).ToArray();
            sorted[f] = order[f].Select(i => x[i][feature]).ToArray();
        }
        var positives = y.Sum();
        var bias = Math.Log((positives + 1.0) / (n - positives + 1.0));
        var model = new Model(bias, [], [], [], [], []);
        var margin = Enumerable.Repeat(bias, n).ToArray();
        var g = new double[n];
        var h = new double[n];
        var nodeOf = new int[n];
        for (var t = 0; t < trees; t++)
        {
            for (var i = 0; i < n; i++)
            {
                var p = 1 / (1 + Math.Exp(-margin[i]));
                g[i] = p - y[i];
                h[i] = Math.Max(p * (1 - p), 1e-6);
            }
            model.Roots.Add(Grow(x, order, sorted, g, h, nodeOf, model, margin));
        }
        return model;
    }

    private int Grow(double[][] x, int[][] order, double[][] sorted, double[] g, double[] h, int[] nodeOf, Model model, double[] margin)
    {
        var n = x.Length;
        // Nodes are numbered from the tree's root; a level's nodes are grown together, and a node is a
        // leaf when the depth is reached or no split gains.
        var root = AddNode(model);
        var size = (2 << depth) + 1;
        var inLevel = new bool[size];
        var (sumG, sumH, sumN) = (new double[size], new double[size], new int[size]);
        var (leftG, leftH, leftN, last) = (new double[size], new double[size], new int[size], new double[size]);
        var (bestGain, bestFeature, bestThreshold) = (new double[size], new int[size], new double[size]);
        inLevel[0] = true;
        Array.Fill(nodeOf, 0);
        for (var d = 0; d <= depth; d++)
        {
            Array.Clear(sumG);
            Array.Clear(sumH);
            Array.Clear(sumN);
            for (var i = 0; i < n; i++)
            {
                var node = nodeOf[i];
                if (inLevel[node])
                {
                    sumG[node] += g[i];
                    sumH[node] += h[i];
                    sumN[node]++;
                }
            }
            Array.Clear(bestGain);
            Array.Fill(bestFeature, -1);
            for (var f = 0; d < depth && f < order.Length; f++)
            {
                Array.Clear(leftG);
                Array.Clear(leftH);
                Array.Clear(leftN);
                Array.Fill(last, double.NaN);
                var (rows, values) = (order[f], sorted[f]);
                for (var k = 0; k < rows.Length; k++)
                {
                    var i = rows[k];
                    var node = nodeOf[i];
                    if (!inLevel[node])
                    {
                        continue;
                    }
                    var value = values[k];
                    if (leftN[node] >= minLeaf && value > last[node] && sumN[node] - leftN[node] >= minLeaf)
                    {
                        var gain = Score(leftG[node], leftH[node]) + Score(sumG[node] - leftG[node], sumH[node] - leftH[node]) - Score(sumG[node], sumH[node]);
                        if (gain > bestGain[node] + 1e-9)
                        {
                            (bestGain[node], bestFeature[node], bestThreshold[node]) = (gain, f, (last[node] + value) / 2);
                        }
                    }
                    leftG[node] += g[i];
                    leftH[node] += h[i];
                    leftN[node]++;
                    last[node] = value;
                }
            }
            var next = new bool[size];
            var leftOf = new int[size];
            for (var node = 0; node < size; node++)
            {
                if (!inLevel[node])
                {
                    continue;
                }
                if (bestFeature[node] < 0)
                {
                    model.Thresholds[root + node] = -learningRate * sumG[node] / (sumH[node] + lambda);
                    continue;
                }
                var (l, r) = (AddNode(model), AddNode(model));
                model.Features[root + node] = bestFeature[node];
                model.Thresholds[root + node] = bestThreshold[node];
                model.Lefts[root + node] = l;
                model.Rights[root + node] = r;
                leftOf[node] = l - root;
                next[l - root] = true;
                next[r - root] = true;
            }
            for (var i = 0; i < n; i++)
            {
                var node = nodeOf[i];
                if (inLevel[node] && bestFeature[node] >= 0)
                {
                    nodeOf[i] = x[i][bestFeature[node]] <= bestThreshold[node] ? leftOf[node] : leftOf[node] + 1;
                }
            }
            inLevel = next;
        }
        for (var i = 0; i < n; i++)
        {
            margin[i] += model.Thresholds[root + nodeOf[i]];
        }
        return root;
    }

    private double Score(double g, double h) => g * g / (h + lambda);

    private static int AddNode(Model model)
    {
        model.Features.Add(-1);
        model.Thresholds.Add(0);
        model.Lefts.Add(-1);
        model.Rights.Add(-1);
        return model.Features.Count - 1;
    }
}
