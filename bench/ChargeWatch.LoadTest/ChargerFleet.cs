using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Payloads;
using ChargeWatch.Core.Readings;

namespace ChargeWatch.LoadTest;

/// <summary>
/// Contract §2 charger payloads of a fleet (default 1,000 chargers × 10 ports, about 700 bytes),
/// written by the shared <see cref="TelemetryJson"/>. Message i goes to charger i mod N with that
/// charger's next seq; every value stays well inside every rule's limits, so the throughput run
/// raises no alerts. <see cref="Trip"/> builds the reading that trips <c>overcurrent.instant</c>.
/// </summary>
internal sealed class ChargerFleet(string site, int chargers, int ports)
{
    public const double TripAmps = 25.0; // ≥ 5 × the default rated 4 A of a port

    private readonly long[] _seq = new long[chargers];

    public string Site => site;

    public static string DeviceId(int charger) => $"c{charger:0000}";

    public (string Topic, byte[] Payload) Next(long index, DateTimeOffset eventTime)
    {
        var charger = (int)(index % chargers);
        var seq = ++_seq[charger];
        var device = new DeviceKey(site, DeviceKind.Charger, DeviceId(charger));
        var reading = new ChargerReading(device, eventTime, seq, Shed(charger), 30 + (charger % 5), Ports(seq, tripPort: 0));
        return (Topic(device.Device), TelemetryJson.ToUtf8(reading));
    }

    /// <summary>A first reading of a new charger <c>trip-{n}</c> whose port 3 draws <see cref="TripAmps"/>.</summary>
    public (string Topic, byte[] Payload, string Device) Trip(int n, DateTimeOffset eventTime)
    {
        var device = new DeviceKey(site, DeviceKind.Charger, $"trip-{n:00000}");
        var reading = new ChargerReading(device, eventTime, 1, "shed-trip", 30, Ports(1, tripPort: 3));
        return (Topic(device.Device), TelemetryJson.ToUtf8(reading), device.Device);
    }

    private string Topic(string device) => $"chargewatch/{site}/charger/{device}/telemetry";

    private static string Shed(int charger) => $"shed-{charger / 10:000}";

    private PortReading[] Ports(long seq, int tripPort)
    {
        var result = new PortReading[ports];
        for (var p = 0; p < ports; p++)
        {
            var number = p + 1;
            var charging = number % 3 != 0;
            var amps = number == tripPort ? TripAmps : charging ? 1.1 + (seq % 7) * 0.01 + number * 0.01 : 0.0;
            result[p] = new PortReading(number, amps, charging || number == tripPort ? PortState.Charging : PortState.Idle,
                Volts: 220.5 + (seq % 3) * 0.1, Watts: Math.Round(amps * 220.5, 1), WattHours: 100 + seq * 0.1 * number, TempC: 31.5);
        }
        return result;
    }
}
