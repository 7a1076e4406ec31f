using ChargeWatch.Core.Alerts;
using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Points;
using ChargeWatch.Core.Readings;

namespace ChargeWatch.Deploy.Tests.Grafana;

/// <summary>
/// Four hours of one evening in a small community, as the worker would store it: readings of every
/// kind mapped by the real <see cref="ReadingPointMapper"/>, alert state changes mapped by the real
/// <see cref="AlertPointMapper"/>, and the worker's <c>chargewatch</c> counters. Deterministic.
/// Incidents: an overcurrent on a port that is then cut off, a socket heating up until a critical
/// thermal alert, a household e-bike charge, a corridor charger, a tap on shed B's feeder, rising
/// leakage in shed B, and a sensor that goes silent.
/// </summary>
internal sealed class DemoEvening
{
    public const string Site = "dongyuan-1";
    public const string Instance = "chargewatch-demo";
    public const string Database = "chargewatch";
    public const int PortsPerCharger = 10;

    public static readonly DateTimeOffset Start = new(2026, 7, 8, 19, 0, 0, TimeSpan.FromHours(8));
    public static readonly TimeSpan Length = TimeSpan.FromHours(4);
    public static readonly TimeSpan Step = TimeSpan.FromMinutes(1);

    public static readonly string[] Sheds = ["shed-a", "shed-b"];
    public static readonly string[] Chargers = ["shed-a-c01", "shed-a-c02", "shed-b-c01", "shed-b-c02"];

    /// <summary>The overcurrent port, cut off once the alert fired.</summary>
    public static readonly (string Charger, int Port) CutPort = ("shed-a-c01", 3);

    /// <summary>The socket that heats up to a critical thermal alert.</summary>
    public static readonly (string Charger, int Port) HotPort = ("shed-a-c02", 7);

    /// <summary>A socket whose electronics report a fault all evening.</summary>
    public static readonly (string Charger, int Port) FaultPort = ("shed-b-c02", 10);

    public const string SilentSensor = "shed-b-s1";
    public const string FlywireHousehold = "b6-602";
    public const string FlywireCorridor = "b7-corridor";
    public const string TappedFeeder = "shed-b-feeder";

    private static readonly DateTimeOffset OvercurrentFrom = Start.AddMinutes(90);
    private static readonly DateTimeOffset CutAt = OvercurrentFrom.AddMinutes(2);
    private static readonly DateTimeOffset SensorSilentFrom = Start.AddMinutes(206);

    private readonly List<Reading> _readings = [];
    private readonly List<AlertMessage> _alerts = [];

    private DemoEvening()
    {
        for (var t = Start; t < Start + Length; t += Step)
        {
            AddChargers(t);
            AddFeedersAndSensors(t);
            AddMeters(t);
        }
        AddAlerts();
    }

    public static DemoEvening Data { get; } = new();

    public IReadOnlyList<Reading> Readings => _readings;

    public IReadOnlyList<AlertMessage> Alerts => _alerts;

    public static TimeWindow Window => TimeWindow.Of(Start, Start + Length);

    /// <summary>Line protocol of everything, in batches of at most <paramref name="batchLines"/> lines.</summary>
    public IEnumerable<string> LineProtocolBatches(int batchLines = 5000)
    {
        var mapper = new ReadingPointMapper();
        var lines = new LineProtocolBuffer();
        foreach (var reading in _readings)
        {
            mapper.Append(reading, lines);
            if (lines.LineCount >= batchLines)
            {
                yield return lines.ToString();
                lines.Clear();
            }
        }
        foreach (var alert in _alerts)
        {
            AlertPointMapper.Append(alert, lines);
        }
        AppendCounters(lines);
        yield return lines.ToString();
    }

    /// <summary>Latest state of every port, as the readings say (to check the dashboard's count).</summary>
    public IReadOnlyDictionary<(string Charger, int Port), PortState> LatestPortStates() =>
        _readings.OfType<ChargerReading>()
            .SelectMany(r => r.Ports.Select(p => (Key: (r.DeviceId, p.Port), r.Timestamp, p.State)))
            .GroupBy(x => x.Key)
            .ToDictionary(g => g.Key, g => g.MaxBy(x => x.Timestamp).State);

    private void AddChargers(DateTimeOffset t)
    {
        var minutes = (t - Start).TotalMinutes;
        foreach (var charger in Chargers)
        {
            var shed = charger[..6];
            var ports = new PortReading[PortsPerCharger];
            for (var port = 1; port <= PortsPerCharger; port++)
            {
                ports[port - 1] = Port(charger, port, t, minutes);
            }
            _readings.Add(new ChargerReading(Key(DeviceKind.Charger, charger), t, (long)minutes, shed,
                cabinetTempC: 31 + minutes / 60, ports));
        }
    }

    private static PortReading Port(string charger, int port, DateTimeOffset t, double minutes)
    {
        if ((charger, port) == FaultPort)
        {
            return new PortReading(port, 0, PortState.Fault, 221, 0, 0, 29);
        }
        if ((charger, port) == CutPort && t >= OvercurrentFrom)
        {
            return t < CutAt
                ? new PortReading(port, 10.0, PortState.Charging, 218, 2180, 400 + minutes, 52)
                : new PortReading(port, 0, PortState.Off, 221, 0, 430, 40);
        }
        // Each socket gets one session: it starts 10–150 minutes into the evening, lasts 60–180 minutes.
        var seed = Array.IndexOf(Chargers, charger) * 3 + port * 13;
        var begin = 10 + seed * 7 % 140;
        var length = 60 + seed * 11 % 120;
        var plateauWatts = 110 + seed * 17 % 200;
        var since = minutes - begin;
        if ((charger, port) == HotPort)
        {
            since = minutes - 30;
            length = 400;
        }
        if (since < 0 || port % 5 == 0)
        {
            return new PortReading(port, 0, PortState.Idle, 221, 0, 0, 27);
        }
        if (since > length)
        {
            return new PortReading(port, 0.02, PortState.Full, 221, 4, plateauWatts * length / 60.0, 30);
        }
        var taper = since > length * 0.7 ? 1 - (since - length * 0.7) / (length * 0.3) * 0.8 : 1;
        var watts = plateauWatts * taper;
        var temp = 28 + watts / 25;
        if ((charger, port) == HotPort)
        {
            temp = 30 + since / 3; // 60 °C after 90 min, 75 °C after 135 min of charging
        }
        return new PortReading(port, watts / 221, PortState.Charging, 221, watts, plateauWatts * since / 60.0, temp);
    }

    private void AddFeedersAndSensors(DateTimeOffset t)
    {
        var minutes = (t - Start).TotalMinutes;
        foreach (var shed in Sheds)
        {
            var portWatts = _readings.OfType<ChargerReading>()
                .Where(r => r.Timestamp == t && r.Shed == shed)
                .Sum(r => r.TotalWatts);
            var feeder = $"{shed}-feeder";
            var tap = feeder == TappedFeeder && minutes >= 120 ? 260.0 : 0.0;
            var watts = portWatts + 30 + tap;
            var leak = feeder == TappedFeeder && minutes >= 180 ? 18.0 : 3.5;
            _readings.Add(new FeederReading(Key(DeviceKind.Feeder, feeder), t, (long)minutes, shed,
                watts / 230, 230, watts, 5000 + watts * minutes / 60, leak));
            var sensor = $"{shed}-s1";
            if (sensor != SilentSensor || t < SensorSilentFrom)
            {
                _readings.Add(new SensorReading(Key(DeviceKind.Sensor, sensor), t, (long)minutes, shed, 29.5, smoke: false));
            }
        }
    }

    private void AddMeters(DateTimeOffset t)
    {
        var minutes = (t - Start).TotalMinutes;
        foreach (var building in new[] { "6", "7" })
        {
            for (var flat = 1; flat <= 4; flat++)
            {
                var unit = $"{building}-60{flat}";
                var meter = $"b{unit}";
                var fridge = (int)minutes / 20 % 3 == 0 ? 120.0 : 0.0;
                var tv = minutes is > 30 and < 180 && flat % 2 == 0 ? 90.0 : 0.0;
                var ebike = meter == FlywireHousehold && minutes >= 60 ? 180.0 : 0.0;
                var watts = 40 + fridge + tv + ebike;
                var pf = ebike > 0 ? 0.62 : 0.93;
                _readings.Add(new MeterReading(Key(DeviceKind.Meter, meter), t, (long)minutes, watts, 229,
                    watts / 229 / pf, pf, 100_000 + watts * minutes / 60, MeterRole.Household, building, unit));
            }
            var corridor = $"b{building}-corridor";
            var charger = corridor == FlywireCorridor && minutes >= 150 ? 150.0 : 0.0;
            var corridorWatts = 35 + charger;
            _readings.Add(new MeterReading(Key(DeviceKind.Meter, corridor), t, (long)minutes, corridorWatts, 229,
                null, null, 20_000 + corridorWatts * minutes / 60, MeterRole.Corridor, building, null));
        }
    }

    private void AddAlerts()
    {
        var overcurrent = Alert("overcurrent", DeviceKind.Charger, CutPort.Charger, CutPort.Port, AlertSeverity.Critical,
            OvercurrentFrom.AddSeconds(10), 10.0, 4.0, "A", "Port 3 of shed-a-c01 drew 10.0 A (2.5x its rated 4.0 A)");
        _alerts.Add(overcurrent);
        _alerts.Add(Resolved(overcurrent, CutAt.AddSeconds(60)));

        var hotSince = Start.AddMinutes(30 + 90);
        var thermal = Alert("thermal.high", DeviceKind.Charger, HotPort.Charger, HotPort.Port, AlertSeverity.Warning,
            hotSince, 60.0, 60.0, "°C", "Port 7 of shed-a-c02 is at 60.0 °C (limit 60 °C)");
        _alerts.Add(thermal);
        _alerts.Add(thermal with
        {
            Severity = AlertSeverity.Critical, ChangedAt = hotSince.AddMinutes(45), Value = 75.0, Threshold = 75.0,
            Summary = "Port 7 of shed-a-c02 is at 75.0 °C (limit 75 °C)",
        });

        _alerts.Add(Alert("flywire.household", DeviceKind.Meter, FlywireHousehold, null, AlertSeverity.Warning,
            Start.AddMinutes(60 + 40), 180.0, 60.0, "W", "Household 6-602 shows an e-bike charging signature (180 W, pf 0.62)",
            confidence: 0.86));
        _alerts.Add(Alert("flywire.corridor", DeviceKind.Meter, FlywireCorridor, null, AlertSeverity.Critical,
            Start.AddMinutes(150 + 10), 150.0, 60.0, "W", "Corridor circuit of building 7 carries 150 W over its baseline for 10 min"));
        _alerts.Add(Alert("flywire.tap", DeviceKind.Feeder, TappedFeeder, null, AlertSeverity.Warning,
            Start.AddMinutes(120 + 5), 260.0, 100.0, "W", "Feeder of shed-b draws 260 W more than its sockets"));
        _alerts.Add(Alert("leakage", DeviceKind.Feeder, TappedFeeder, null, AlertSeverity.Warning,
            Start.AddMinutes(180), 18.0, 15.0, "mA", "Residual current of shed-b is 18.0 mA (limit 15 mA)"));
        _alerts.Add(Alert("offline", DeviceKind.Sensor, SilentSensor, null, AlertSeverity.Warning,
            SensorSilentFrom.AddMinutes(3), null, null, null, "Sensor shed-b-s1 has sent nothing for 180 s"));
    }

    private static AlertMessage Alert(
        string rule, DeviceKind kind, string device, int? port, AlertSeverity severity, DateTimeOffset at,
        double? value, double? threshold, string? unit, string summary, double confidence = 1.0)
    {
        var key = Key(kind, device);
        return new AlertMessage
        {
            Id = AlertId.For(rule, key, port),
            Rule = rule,
            Status = AlertStatus.Firing,
            Severity = severity,
            Device = key,
            Port = port,
            StartsAt = at,
            ChangedAt = at,
            Value = value,
            Threshold = threshold,
            Unit = unit,
            Confidence = confidence,
            Summary = summary,
        };
    }

    private static AlertMessage Resolved(AlertMessage alert, DateTimeOffset at) =>
        alert with { Status = AlertStatus.Resolved, EndsAt = at, ChangedAt = at, Summary = alert.Summary + " (resolved)" };

    /// <summary>The worker's own counters (common brief: <c>chargewatch</c> measurement, cumulative since start).</summary>
    private void AppendCounters(LineProtocolBuffer lines)
    {
        long received = 0, points = 0, invalidJson = 0, missingField = 0, duplicates = 0;
        var interval = TimeSpan.FromSeconds(10);
        var perInterval = _readings.Count / (Length / interval);
        var raisedAt = _alerts.Where(a => a.Status == AlertStatus.Firing).Select(a => a.ChangedAt).ToList();
        var resolvedAt = _alerts.Where(a => a.Status == AlertStatus.Resolved).Select(a => a.ChangedAt).ToList();
        for (var t = Start; t <= Start + Length; t += interval)
        {
            received += (long)perInterval + 1;
            points += (long)(perInterval * 9);
            if ((t - Start).TotalSeconds % 600 == 0)
            {
                invalidJson++;
                duplicates += 3;
            }
            if ((t - Start).TotalSeconds % 1800 == 0)
            {
                missingField++;
            }
            lines.BeginLine("chargewatch")
                .Tag("instance", Instance)
                .Field("messages_received", received)
                .Field("messages_rejected", invalidJson + missingField)
                .Field("rejected_invalid_json", invalidJson)
                .Field("rejected_missing_field", missingField)
                .Field("rejected_out_of_range", 0L)
                .Field("points_written", points)
                .Field("write_failures", 0L)
                .Field("spool_bytes", 0L)
                .Field("alerts_raised", (long)raisedAt.Count(a => a <= t))
                .Field("alerts_resolved", (long)resolvedAt.Count(a => a <= t))
                .Field("duplicates", duplicates)
                .Field("late_readings", 0L)
                .Field("batches_rejected", 0L)
                .EndLine(t.ToUnixTimeMilliseconds());
        }
    }

    private static DeviceKey Key(DeviceKind kind, string device) => new(Site, kind, device);
}
