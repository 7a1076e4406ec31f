using ChargeWatch.Core.Alerts;
using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Detection;
using ChargeWatch.Core.Readings;
using ChargeWatch.Core.Sites;

namespace ChargeWatch.Core.Tests.Detection;

/// <summary>One engine, and every alert state change it produced, for rule tests.</summary>
internal sealed class EngineRun(SiteDirectory? sites = null, RestoredAlerts? restored = null)
{
    public DetectionEngine Engine { get; } = new(sites ?? SiteDirectory.Defaults, restored);

    public List<AlertMessage> Alerts { get; } = [];

    public IEnumerable<AlertMessage> Of(string rule) => Alerts.Where(a => a.Rule == rule);

    /// <summary>Feeds a reading, then the site's watermark as the worker would.</summary>
    public EngineRun Feed(params Reading[] readings)
    {
        foreach (var reading in readings)
        {
            Engine.OnReading(reading, Alerts);
            Engine.OnWatermark(reading.Site, reading.Timestamp, Alerts);
        }
        return this;
    }

    public EngineRun Watermark(double seconds)
    {
        Engine.OnWatermark(Make.Site, Make.At(seconds), Alerts);
        return this;
    }

    public EngineRun Status(DeviceKey device, bool online)
    {
        Engine.OnStatus(device, online, Alerts);
        return this;
    }

    /// <summary>Feeds <paramref name="reading"/> for t = from, from+step, … while t &lt;= to.</summary>
    public EngineRun Every(double from, double to, double step, Func<double, Reading> reading)
    {
        for (var t = from; t <= to + 1e-9; t += step)
        {
            Feed(reading(t));
        }
        return this;
    }
}
