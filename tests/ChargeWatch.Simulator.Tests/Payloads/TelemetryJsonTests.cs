using System.Text;
using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Parsing;
using ChargeWatch.Core.Payloads;
using ChargeWatch.Core.Readings;

namespace ChargeWatch.Simulator.Tests.Payloads;

// Lives beside the simulator's tests because the simulator is the writer's main user; it tests
// the Core type src/ChargeWatch.Core/Payloads/TelemetryJson.cs.
public class TelemetryJsonTests
{
    private static readonly DateTimeOffset Time = new(2026, 7, 8, 21, 30, 0, 123, TimeSpan.FromHours(8));

    [Fact]
    public void Write_ContractChargerExample_WritesContractJson()
    {
        var reading = new ChargerReading(Key(DeviceKind.Charger, "shed-a-c01"), new(2026, 7, 8, 21, 30, 0, TimeSpan.FromHours(8)),
            1234, "shed-a", 35.0,
            [
                new PortReading(1, 1.12, PortState.Charging, 221.3, 231.5, 512.0, 31.5),
                new PortReading(2, 0.0, PortState.Idle, 221.3, 0.0, 10.2),
            ]);

        var json = Encoding.UTF8.GetString(TelemetryJson.ToUtf8(reading));

        Assert.Equal(
            """{"ts":"2026-07-08T21:30:00.000+08:00","seq":1234,"shed":"shed-a","tempC":35,"ports":[""" +
            """{"port":1,"state":"charging","v":221.3,"a":1.12,"w":231.5,"wh":512,"tempC":31.5},""" +
            """{"port":2,"state":"idle","v":221.3,"a":0,"w":0,"wh":10.2}]}""",
            json);
    }

    [Fact]
    public void Write_MeterWithoutOptionalFields_LeavesThemOut()
    {
        var reading = new MeterReading(Key(DeviceKind.Meter, "b6-602"), Time, null, 412.0, null, null, null, null, null, null, null);

        Assert.Equal("""{"ts":"2026-07-08T21:30:00.123+08:00","w":412}""", Encoding.UTF8.GetString(TelemetryJson.ToUtf8(reading)));
    }

    [Fact]
    public void Write_EpochMillisecondsStyle_WritesNumber()
    {
        var reading = new SensorReading(Key(DeviceKind.Sensor, "s1"), Time, 7, null, 41.5, false);

        var json = Encoding.UTF8.GetString(TelemetryJson.ToUtf8(reading, TimestampStyle.EpochMilliseconds));

        Assert.Equal($$"""{"ts":{{Time.ToUnixTimeMilliseconds()}},"seq":7,"tempC":41.5,"smoke":false}""", json);
    }

    public static TheoryData<string> Readings() => new(ReadingsByName.Keys);

    [Theory]
    [MemberData(nameof(Readings))]
    public void Write_ThenParse_GivesTheSameReading(string name)
    {
        var original = ReadingsByName[name];
        foreach (var style in Enum.GetValues<TimestampStyle>())
        {
            var parser = new TelemetryParser();
            var payload = TelemetryJson.ToUtf8(original, style);

            Assert.True(parser.TryParse(new TopicAddress(original.Device, Channel.Telemetry), payload, out var parsed, out var error),
                $"{error} in {Encoding.UTF8.GetString(payload)}");

            Assert.Equal(Describe(original), Describe(parsed));
            // Writing what was parsed gives the same bytes: the format cannot drift in either direction.
            Assert.Equal(payload, TelemetryJson.ToUtf8(parsed, style));
        }
    }

    private static readonly Dictionary<string, Reading> ReadingsByName = new()
    {
        ["charger-full"] = new ChargerReading(Key(DeviceKind.Charger, "shed-a-c01"), Time, 1, "shed-a", 35.25,
        [
            new PortReading(1, 1.0123456789, PortState.Charging, 221.3, 224.0348, 512.0001, 31.5),
            new PortReading(2, 0, PortState.Idle, 221.3, 0, 10.2, 24.1),
            new PortReading(3, 0, PortState.Off, 221.3, 0, 77.7, null),
            new PortReading(4, 0.05, PortState.Full, null, null, null, null),
            new PortReading(64, 3.9, PortState.Fault, -12.5, 1e-7, 1e11, -49.5),
        ]),
        ["charger-minimal"] = new ChargerReading(Key(DeviceKind.Charger, "c.2"), Time, null, null, null, [new PortReading(1, 0.5)]),
        ["charger-no-ports"] = new ChargerReading(Key(DeviceKind.Charger, "c3"), Time, 0, null, null, []),
        ["feeder-full"] = new FeederReading(Key(DeviceKind.Feeder, "shed-a-feeder"), Time, long.MaxValue, "shed-a", 12.4, 230.1, 2710.0, 81234.0, 3.5),
        ["feeder-minimal"] = new FeederReading(Key(DeviceKind.Feeder, "f"), Time, null, null, 0, null, null, null, null),
        ["meter-household"] = new MeterReading(Key(DeviceKind.Meter, "b6-602"), Time, 99, 412.0, 229.8, 2.61, 0.62, 5123.0, MeterRole.Household, "6", "6-602"),
        ["meter-corridor"] = new MeterReading(Key(DeviceKind.Meter, "b6-corridor-3"), Time, 5, 18.5, null, null, null, 5.0, MeterRole.Corridor, "6", null),
        ["meter-negative-power"] = new MeterReading(Key(DeviceKind.Meter, "pv"), Time, null, -250.0, 231, 1.2, -0.99, null, null, null, null),
        ["sensor-smoke"] = new SensorReading(Key(DeviceKind.Sensor, "shed-a-smoke"), Time, 3, "shed-a", null, true),
        ["sensor-temp"] = new SensorReading(Key(DeviceKind.Sensor, "shed-a-t1"), Time.ToOffset(TimeSpan.Zero), 3, null, 299.9, null),
    };

    private static DeviceKey Key(DeviceKind kind, string device) => new("dongyuan-1", kind, device);

    // Readings are classes without value equality; compare a complete textual description instead.
    private static string Describe(Reading reading)
    {
        var header = $"{reading.GetType().Name} {reading.Device} {reading.Timestamp.UtcTicks} {reading.Seq}";
        return reading switch
        {
            ChargerReading c => $"{header} {c.Shed} {c.CabinetTempC} [{string.Join("; ", c.Ports)}]",
            FeederReading f => $"{header} {f.Shed} {f.Amps} {f.Volts} {f.Watts} {f.WattHours} {f.LeakMilliamps}",
            MeterReading m => $"{header} {m.Watts} {m.Volts} {m.Amps} {m.PowerFactor} {m.WattHours} {m.Role} {m.Building} {m.Unit}",
            SensorReading s => $"{header} {s.Shed} {s.TempC} {s.Smoke}",
            _ => throw new ArgumentException(reading.GetType().Name),
        };
    }
}
