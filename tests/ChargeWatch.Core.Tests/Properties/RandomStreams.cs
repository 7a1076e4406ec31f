using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Readings;
using ChargeWatch.Core.Tests.Scenarios;
using CsCheck;

namespace ChargeWatch.Core.Tests.Properties;

/// <summary>
/// Random telemetry of three small sites, each with two sheds' chargers, a feeder, a sensor, a
/// meter and a charger without a shed, with values spread across every rule's thresholds and the
/// odd silence and status message, so that streams raise, escalate and resolve alerts of every kind.
/// </summary>
internal static class RandomStreams
{
    private static readonly string[] Sites = ["prop-a", "prop-b", "prop-c"];
    private static readonly DateTimeOffset T0 = new(2026, 7, 8, 21, 0, 0, TimeSpan.FromHours(8));

    /// <summary>Events: (site 0..2, device 0..5, seconds since the previous event 0..40, level 0..1).</summary>
    public static Gen<List<ScenarioMessage>> Stream { get; } =
        Gen.Select(Gen.Int[0, 2], Gen.Int[0, 5], Gen.Int[0, 40], Gen.Double[0, 1]).Array[30, 400].Select(Build);

    private static List<ScenarioMessage> Build((int Site, int Device, int Step, double Level)[] events)
    {
        var messages = new List<ScenarioMessage>(events.Length);
        var clock = T0;
        var seq = new long[Sites.Length * 6];
        foreach (var (site, device, step, level) in events)
        {
            clock = clock.AddSeconds(step);
            if (level > 0.985)
            {
                messages.Add(new ScenarioMessage(Key(site, device), null, level > 0.993));
                continue;
            }
            var reading = Reading(site, device, clock, ++seq[site * 6 + device], level);
            messages.Add(new ScenarioMessage(reading.Device, reading, null));
        }
        return messages;
    }

    private static DeviceKey Key(int site, int device) => device switch
    {
        0 => new(Sites[site], DeviceKind.Charger, "a-c1"),
        1 => new(Sites[site], DeviceKind.Charger, "b-c1"),
        2 => new(Sites[site], DeviceKind.Feeder, "a-f"),
        3 => new(Sites[site], DeviceKind.Sensor, "b-s"),
        4 => new(Sites[site], DeviceKind.Meter, "m1"),
        _ => new(Sites[site], DeviceKind.Charger, "loose"),
    };

    private static Reading Reading(int site, int device, DateTimeOffset at, long seq, double level)
    {
        var key = Key(site, device);
        return device switch
        {
            0 or 1 or 5 => new ChargerReading(key, at, seq, device == 5 ? null : device == 0 ? "shed-a" : "shed-b",
                20 + level * 70,
                [
                    new PortReading(1, level * 24, level < 0.1 ? PortState.Idle : PortState.Charging, 220, null, null, 25 + level * 60),
                    new PortReading(2, (1 - level) * 6, PortState.Charging, 220),
                ]),
            2 => new FeederReading(key, at, seq, "shed-a", level * 80, 230, null, null, level * 40),
            3 => new SensorReading(key, at, seq, "shed-b", 20 + level * 70, level > 0.8),
            _ => new MeterReading(key, at, seq, 100 + level * 900, 230, null, null, null, null, null, null),
        };
    }
}
