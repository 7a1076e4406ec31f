namespace ChargeWatch.FlywireEvaluation;

/// <summary>
/// Gradient-boosted regression trees for a logistic loss (Newton steps, L2 on leaf values), small
/// enough to read: presorted features, level-wise growth to a fixed depth. Deterministic.
/// </summary>
internal sealed class GradientBoosting(int trees, int depth, double learningRate, double lambda, int minLeaf)
{
    public sealed record Model(double Bias, List<int> Roots, List<int> Features, List<double> Thresholds, List<int> Lefts, List<int> Rights);

    public Model Train(double[][] x, int[] y)
    {
        var n = x.Length;
        var featureCount = x[0].Length;
        var order = new int[featureCount][];
        for (var f = 0; f < featureCount; f++)
        {
            var feature = f;
            order[f] = Enumerable.Range(0, n).OrderBy(i => x[i][feature]).ThenBy(i => i).ToArray();
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
            model.Roots.Add(Grow(x, order, g, h, nodeOf, model, margin));
        }
        return model;
    }

    private int Grow(double[][] x, int[][] order, double[] g, double[] h, int[] nodeOf, Model model, double[] margin)
    {
        var n = x.Length;
        // Nodes of this tree, level by level; leaves are decided when the depth is reached or no split gains.
        var root = AddNode(model);
        var level = new List<int> { root };
        Array.Fill(nodeOf, root);
        for (var d = 0; d <= depth && level.Count > 0; d++)
        {
            var sums = level.ToDictionary(node => node, _ => (G: 0.0, H: 0.0, N: 0));
            for (var i = 0; i < n; i++)
            {
                if (sums.TryGetValue(nodeOf[i], out var s))
                {
                    sums[nodeOf[i]] = (s.G + g[i], s.H + h[i], s.N + 1);
                }
            }
            var best = level.ToDictionary(node => node, _ => (Gain: 0.0, Feature: -1, Threshold: 0.0));
            if (d < depth)
            {
                for (var f = 0; f < order.Length; f++)
                {
                    var left = level.ToDictionary(node => node, _ => (G: 0.0, H: 0.0, N: 0, Last: double.NaN));
                    foreach (var i in order[f])
                    {
                        var node = nodeOf[i];
                        if (!left.TryGetValue(node, out var l))
                        {
                            continue;
                        }
                        var value = x[i][f];
                        if (l.N >= minLeaf && value > l.Last && sums[node].N - l.N >= minLeaf)
                        {
                            var total = sums[node];
                            var gain = Score(l.G, l.H) + Score(total.G - l.G, total.H - l.H) - Score(total.G, total.H);
                            if (gain > best[node].Gain + 1e-9)
                            {
                                best[node] = (gain, f, (l.Last + value) / 2);
                            }
                        }
                        left[node] = (l.G + g[i], l.H + h[i], l.N + 1, value);
                    }
                }
            }
            var next = new List<int>();
            var children = new Dictionary<int, (int Left, int Right)>();
            foreach (var node in level)
            {
                if (best[node].Feature < 0)
                {
                    var s = sums[node];
                    model.Thresholds[node] = -learningRate * s.G / (s.H + lambda);
                    continue;
                }
                var (l, r) = (AddNode(model), AddNode(model));
                model.Features[node] = best[node].Feature;
                model.Thresholds[node] = best[node].Threshold;
                model.Lefts[node] = l;
                model.Rights[node] = r;
                children[node] = (l, r);
                next.Add(l);
                next.Add(r);
            }
            for (var i = 0; i < n; i++)
            {
                if (children.TryGetValue(nodeOf[i], out var c))
                {
                    nodeOf[i] = x[i][model.Features[nodeOf[i]]] <= model.Thresholds[nodeOf[i]] ? c.Left : c.Right;
                }
            }
            level = next;
        }
        for (var i = 0; i < n; i++)
        {
            margin[i] += model.Thresholds[nodeOf[i]];
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
