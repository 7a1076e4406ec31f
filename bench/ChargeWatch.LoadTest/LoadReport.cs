using System.Globalization;
using System.Text;

namespace ChargeWatch.LoadTest;

/// <summary>Prints a <see cref="LoadResult"/> as markdown tables (headline figures, then RSS over time).</summary>
internal static class LoadReport
{
    public static string Markdown(LoadResult r)
    {
        var o = r.Options;
        var text = new StringBuilder();
        var messages = Math.Max(r.Published, 1);
        void Row(string name, string value) => text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {value} |");

        text.AppendLine(CultureInfo.InvariantCulture, $"### {o.Label ?? "load run"}: {o.Rate:N0} msg/s × {o.Seconds} s, API {o.Api}, {o.Chargers} chargers × {o.Ports} ports");
        text.AppendLine();
        text.AppendLine("| measure | value |");
        text.AppendLine("|---|---|");
        Row("worker settings", o.WorkerSettings.Count == 0 ? "defaults" : string.Join(", ", o.WorkerSettings.Select(s => $"{s.Key}={s.Value}")));
        Row("broker extra config", string.Join(", ", o.BrokerLines));
        if (o.WorkerEnvironment.Count > 0)
        {
            Row("worker environment", string.Join(", ", o.WorkerEnvironment.Select(s => $"{s.Key}={s.Value}")));
        }
        Row("load average before / after", $"{r.LoadAverageBefore} / {r.LoadAverageAfter}");
        Row("published (PUBACK ok) / failed", F($"{r.Published:N0} / {r.PublishFailed:N0}"));
        Row("achieved publish rate", F($"{r.Published / r.PublishSeconds:N0} msg/s ({r.PublishSeconds:F1} s; all acknowledged at {r.AcknowledgedSeconds:F1} s)"));
        Row("port points expected / stored", F($"{r.ExpectedPortPoints:N0} / {r.StoredPortPoints:N0}"));
        Row(r.Drained ? "loss" : "not stored when the wait ended (lost, or still queued in the broker's session)",
            r.Lost == 0 ? "**0**" : F($"**{r.Lost:N0} port points ({100.0 * r.Lost / Math.Max(r.ExpectedPortPoints, 1):F3} %)**"));
        Row("all written (worker points_written) at", F($"{r.StoredSeconds:F1} s ({r.StoredSeconds - r.PublishSeconds:+0.0;-0.0} s after the last publish){(r.Drained ? "" : ", gave up waiting")}"));
        Row("end-to-end rate (published / time until all stored)", F($"{r.Published / Math.Max(r.StoredSeconds, 0.001):N0} msg/s = {r.Published * (o.Ports + 1) / Math.Max(r.StoredSeconds, 0.001):N0} points/s"));
        Row("worker CPU", F($"{r.WorkerCpuSeconds:F1} s = **{r.WorkerCpuSeconds / messages * 1e6:F1} CPU-s per million messages**"));
        Row("mosquitto / influxd / load generator CPU", F($"{r.BrokerCpuSeconds:F1} s / {r.InfluxCpuSeconds:F1} s / {r.LoadTestCpuSeconds:F1} s"));
        Row("worker peak RSS (VmHWM)", Mb(r.PeakRssBytes));
        var steady = Steady(r);
        if (steady.Count > 1)
        {
            var min = steady.Min(s => s.RssBytes);
            var max = steady.Max(s => s.RssBytes);
            Row("worker RSS after warm-up (min … max)", F($"{Mb(min)} … {Mb(max)} (spread {100.0 * (max - min) / min:F1} %)"));
        }
        if (r.Outage is { } outage)
        {
            var during = r.WorkerSamples.Where(s => s.At >= outage.From && s.At <= outage.To + 5).ToList();
            var before = r.WorkerSamples.Where(s => s.At < outage.From).ToList();
            Row("InfluxDB outage", F($"{outage.From:F0} s … {outage.To:F0} s"));
            if (during.Count > 0 && before.Count > 0)
            {
                Row("worker RSS before / during outage (max)", $"{Mb(before.Max(s => s.RssBytes))} / {Mb(during.Max(s => s.RssBytes))}");
            }
            Row("spool peak", Mb(r.SpoolSamples.Select(s => s.Bytes).DefaultIfEmpty(0).Max()));
        }
        if (r.AlertsExpected > 0)
        {
            var inOrder = r.AlertLatenciesMs;
            double[] l = [.. inOrder.Order()];
            Row("trip readings / alerts received / duplicate firings", F($"{r.AlertsExpected:N0} / {l.Length:N0} / {r.AlertDuplicates}"));
            if (l.Length > 0)
            {
                Row("publish→alert latency p50 / p90 / p99 / max", F($"{P(l, 0.50):F1} / {P(l, 0.90):F1} / **{P(l, 0.99):F1}** / {l[^1]:F1} ms"));
            }
            if (l.Length >= 8)
            {
                // Every trip leaves one more alert active: a cost that grows with the active set shows as a later quarter slower than the first.
                var quarter = inOrder.Length / 4;
                double[] first = [.. inOrder[..quarter].Order()];
                double[] last = [.. inOrder[^quarter..].Order()];
                Row("p50 / p99 of the first vs the last quarter of trips", F($"{P(first, 0.5):F1} / {P(first, 0.99):F1} ms vs {P(last, 0.5):F1} / {P(last, 0.99):F1} ms"));
            }
        }
        Row("worker exit code after SIGTERM", r.WorkerExitCode?.ToString(CultureInfo.InvariantCulture) ?? "n/a");
        text.AppendLine();
        text.AppendLine("| t (s) | worker RSS | worker CPU (cumulative s) | spool |");
        text.AppendLine("|---|---|---|---|");
        foreach (var sample in Thin(r.WorkerSamples, 12))
        {
            var spool = r.SpoolSamples.LastOrDefault(s => s.At <= sample.At + 0.5).Bytes;
            text.AppendLine(CultureInfo.InvariantCulture, $"| {sample.At:F0} | {Mb(sample.RssBytes)} | {sample.CpuSeconds:F1} | {Mb(spool)} |");
        }
        return text.ToString();
    }

    /// <summary>Samples while publishing, after the first 20 % (JIT, pools and the first batches settle) and outside an outage.</summary>
    private static List<ProcessSample> Steady(LoadResult r) =>
        [.. r.WorkerSamples.Where(s => s.At >= r.PublishSeconds * 0.2 && s.At <= r.PublishSeconds
            && (r.Outage is not { } o || s.At < o.From || s.At > o.To + 30))];

    private static IEnumerable<ProcessSample> Thin(List<ProcessSample> samples, int count) =>
        samples.Count <= count ? samples : Enumerable.Range(0, count).Select(i => samples[i * (samples.Count - 1) / (count - 1)]);

    private static double P(double[] sorted, double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];

    private static string Mb(long bytes) => F($"{bytes / 1048576.0:F0} MB");

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
