using ChargeWatch.Core.Alerts;
using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Detection;
using ChargeWatch.Core.Readings;
using ChargeWatch.Core.Sites;

namespace ChargeWatch.Worker.Detection;

/// <summary>
/// Runs a throwaway engine over a few readings that raise and resolve alerts of several rules, and
/// serialises what they produce, before the shards start: the first real alert then does not pay
/// for compiling the alert path (measured: the first alert after a start took 150–500 ms without).
/// Nothing of it is kept, published or persisted.
/// </summary>
internal static class DetectionWarmup
{
    public static void Run(SiteDirectory sites)
    {
        var engine = new DetectionEngine(sites);
        var changes = new List<AlertMessage>();
        var charger = new DeviceKey("warmup", DeviceKind.Charger, "c");
        var feeder = new DeviceKey("warmup", DeviceKind.Feeder, "f");
        var sensor = new DeviceKey("warmup", DeviceKind.Sensor, "s");
        var t0 = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var s = 0; s <= 120; s += 10)
        {
            var at = t0.AddSeconds(s);
            var hot = s < 40;
            engine.OnReading(new ChargerReading(charger, at, s, "shed", hot ? 80 : 30,
                [new PortReading(1, hot ? 25 : 1, PortState.Charging, 220, null, null, hot ? 80 : 30)]), changes);
            engine.OnReading(new FeederReading(feeder, at, s, "shed", hot ? 70 : 5, 230, null, null, hot ? 35 : 1), changes);
            engine.OnReading(new SensorReading(sensor, at, s, "shed", hot ? 80 : 30, hot), changes);
            engine.OnWatermark("warmup", at, changes);
        }
        engine.OnStatus(sensor, online: false, changes);
        foreach (var change in changes)
        {
            _ = AlertJson.ToUtf8(change);
        }
        _ = AlertStateJson.Read(AlertStateJson.Write(changes));
    }
}
