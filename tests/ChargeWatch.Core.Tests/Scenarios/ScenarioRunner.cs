using ChargeWatch.Core.Alerts;
using ChargeWatch.Core.Detection;
using ChargeWatch.Core.Sites;

namespace ChargeWatch.Core.Tests.Scenarios;

/// <summary>
/// Plays messages through engines the way the worker does: routed by site (<see cref="SiteShards"/>)
/// to <c>shards</c> engines; the per-site watermark advanced by ≥ 1 s is broadcast to every shard
/// after the message that advanced it.
/// </summary>
internal static class ScenarioRunner
{
    public static List<AlertMessage> Run(IEnumerable<ScenarioMessage> messages, int shards = 1, SiteDirectory? sites = null,
        RestoredAlerts? restored = null)
    {
        var directory = sites ?? SiteDirectory.Defaults;
        var factory = new DetectionEngineFactory(directory, restored);
        var engines = Enumerable.Range(0, shards).Select(i => factory.Create(i, shards)).ToArray();
        var watermarks = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var sent = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var alerts = new List<AlertMessage>();
        foreach (var message in messages)
        {
            var engine = engines[SiteShards.ShardOf(message.Device.Site, shards)];
            if (message.Reading is { } reading)
            {
                engine.OnReading(reading, alerts);
                if (!watermarks.TryGetValue(reading.Site, out var wm) || reading.Timestamp > wm)
                {
                    watermarks[reading.Site] = reading.Timestamp;
                }
                var newest = watermarks[reading.Site];
                if (!sent.TryGetValue(reading.Site, out var last) || newest - last >= TimeSpan.FromSeconds(1))
                {
                    sent[reading.Site] = newest;
                    foreach (var each in engines)
                    {
                        each.OnWatermark(reading.Site, newest, alerts);
                    }
                }
            }
            else
            {
                engine.OnStatus(message.Device, message.Online!.Value, alerts);
            }
        }
        return alerts;
    }
}
