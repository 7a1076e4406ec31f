using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Payloads;
using ChargeWatch.Core.Readings;

namespace ChargeWatch.Simulator.Running;

/// <summary>
/// Synthetic pile readings for load tests: <c>piles</c> chargers of <c>ports</c> ports each, round
/// robin, with plausible charging values. Values vary with the sequence number; the event time is
/// the moment of sending, so the worker sees live data.
/// </summary>
public sealed class LoadGenerator(string site, int piles, int ports)
{
    private readonly string[] _ids = [.. Enumerable.Range(0, piles).Select(i => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"load-{i:00000}"))];
    private readonly string[] _topics = [.. Enumerable.Range(0, piles).Select(i => Topics.Telemetry(new DeviceKey(site, DeviceKind.Charger, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"load-{i:00000}"))))];
    private readonly long[] _seq = new long[piles];

    public int Piles => piles;

    public (string Topic, byte[] Payload) Next(long index, DateTimeOffset now)
    {
        var pile = (int)(index % piles);
        var seq = ++_seq[pile];
        var portReadings = new PortReading[ports];
        for (var p = 0; p < ports; p++)
        {
            var charging = ((pile + p) % 3) != 0;
            var amps = charging ? 0.8 + (((seq + p) % 20) * 0.05) : 0;
            portReadings[p] = new PortReading(p + 1, amps, charging ? PortState.Charging : PortState.Idle,
                225.0, Math.Round(amps * 225 * 0.6, 1), (seq * 0.1) + p, 30 + (amps * 2));
        }
        var reading = new ChargerReading(new DeviceKey(site, DeviceKind.Charger, _ids[pile]), now, seq, "load-shed", 33.5, portReadings);
        return (_topics[pile], TelemetryJson.ToUtf8(reading));
    }
}
