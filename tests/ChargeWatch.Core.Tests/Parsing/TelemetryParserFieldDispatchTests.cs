using System.Text;
using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Parsing;
using ChargeWatch.Core.Readings;
using static ChargeWatch.Core.Tests.Parsing.SamplePayloads;

namespace ChargeWatch.Core.Tests.Parsing;

/// <summary>Property names reach their fields however they are spelled on the wire, and only where they belong.</summary>
public class TelemetryParserFieldDispatchTests
{
    private readonly TelemetryParser _parser = new();

    private T Parse<T>(DeviceKind kind, string json) where T : Reading => _parser.ParseAccepted<T>(kind, json);

    private ParseError Reject(DeviceKind kind, string json)
    {
        Assert.False(_parser.TryParse(Address(kind), Encoding.UTF8.GetBytes(json), out _, out var error));
        return error;
    }

    [Fact]
    public void TryParse_EscapedPropertyNames_AreRecognised()
    {
        var meter = Parse<MeterReading>(DeviceKind.Meter,
            """{"\u0074s":1783517400000,"\u0077":5,"p\u0066":0.5,"b\u0075ilding":"6","\u0072ole":"corridor"}""");
        var charger = Parse<ChargerReading>(DeviceKind.Charger,
            """{"ts":1783517400000,"\u0070orts":[{"\u0070ort":2,"\u0061":1.5,"st\u0061te":"\u0066ull"}]}""");

        Assert.Equal((5.0, 0.5, "6", MeterRole.Corridor), (meter.Watts, meter.PowerFactor!.Value, meter.Building, meter.Role!.Value));
        Assert.Equal(new PortReading(2, 1.5, PortState.Full), charger.Ports[0]);
    }

    [Fact]
    public void TryParse_EscapedWrongValue_IsRejectedByItsField() =>
        Assert.Equal(new ParseError(RejectReason.OutOfRange, "a"), Reject(DeviceKind.Feeder, """{"ts":1783517400000,"\u0061":-1}"""));

    [Theory]
    [InlineData("idle", PortState.Idle)]
    [InlineData("charging", PortState.Charging)]
    [InlineData("full", PortState.Full)]
    [InlineData("fault", PortState.Fault)]
    [InlineData("off", PortState.Off)]
    [InlineData("\\u0063harging", PortState.Charging)]
    [InlineData("\\u0069dle", PortState.Idle)]
    public void TryParse_EveryPortState_IsRead(string text, PortState expected) =>
        Assert.Equal(expected, Parse<ChargerReading>(DeviceKind.Charger, $"{{{Ts},\"ports\":[{{\"port\":1,\"a\":1,\"state\":\"{text}\"}}]}}").Ports[0].State);

    [Fact]
    public void TryParse_EveryChargerAndPortField_IsRead()
    {
        var reading = Parse<ChargerReading>(DeviceKind.Charger,
            """{"ports":[{"tempC":30.5,"state":"fault","wh":7.25,"w":100,"v":230,"a":0.5,"port":64}],"tempC":40,"shed":"s","seq":3,"ts":1783517400000}""");

        Assert.Equal((TsMs, 3L, "s", 40.0), (reading.UnixMilliseconds, reading.Seq!.Value, reading.Shed, reading.CabinetTempC!.Value));
        Assert.Equal(new PortReading(64, 0.5, PortState.Fault, 230, 100, 7.25, 30.5), reading.Ports[0]);
    }

    [Fact]
    public void TryParse_EveryFeederAndSensorField_IsRead()
    {
        var feeder = Parse<FeederReading>(DeviceKind.Feeder, """{"leakMa":2,"wh":3,"w":4,"v":5,"a":6,"shed":"f","seq":1,"ts":1783517400000}""");
        var sensor = Parse<SensorReading>(DeviceKind.Sensor, """{"smoke":false,"tempC":-3,"shed":"x","seq":2,"ts":1783517400000}""");

        Assert.Equal((2.0, 3.0, 4.0, 5.0, 6.0, "f", 1L),
            (feeder.LeakMilliamps!.Value, feeder.WattHours!.Value, feeder.Watts!.Value, feeder.Volts!.Value, feeder.Amps, feeder.Shed, feeder.Seq!.Value));
        Assert.Equal((false, -3.0, "x", 2L), (sensor.Smoke!.Value, sensor.TempC!.Value, sensor.Shed, sensor.Seq!.Value));
    }

    [Fact]
    public void TryParse_MeterUnitAndWh_AreRead()
    {
        var meter = Parse<MeterReading>(DeviceKind.Meter, """{"unit":"6-602","wh":12,"a":1,"v":2,"w":3,"ts":1783517400000}""");

        Assert.Equal(("6-602", 12.0, 1.0, 2.0, 3.0), (meter.Unit, meter.WattHours!.Value, meter.Amps!.Value, meter.Volts!.Value, meter.Watts));
    }

    [Fact]
    public void TryParse_NamesOfOtherObjects_AreIgnoredLikeUnknownFields()
    {
        var charger = Parse<ChargerReading>(DeviceKind.Charger,
            $$"""{{{Ts}},"a":"x","state":{"y":1},"building":[1],"ports":[{"port":1,"a":1,"ports":[],"ts":"no","shed":5,"leakMa":-9}]}""");
        var meter = Parse<MeterReading>(DeviceKind.Meter, $$"""{{{Ts}},"w":1,"ports":7,"smoke":"yes","leakMa":-1,"tempC":"hot"}""");
        var sensor = Parse<SensorReading>(DeviceKind.Sensor, $$"""{{{Ts}},"a":-1,"role":"shop","port":0}""");

        Assert.Equal(new PortReading(1, 1), charger.Ports[0]);
        Assert.Equal(1.0, meter.Watts);
        Assert.Null(sensor.TempC);
    }

    [Fact]
    public void TryParse_RepeatedScalarField_LastOneWins()
    {
        var meter = Parse<MeterReading>(DeviceKind.Meter, $$"""{{{Ts}},"w":1,"w":2,"seq":5,"seq":null}""");

        Assert.Equal((2.0, (long?)null), (meter.Watts, meter.Seq));
    }

    [Fact]
    public void TryParse_RepeatedBadScalarField_IsRejectedEvenIfLaterValid() =>
        Assert.Equal(new ParseError(RejectReason.OutOfRange, "w"), Reject(DeviceKind.Meter, $$"""{{{Ts}},"w":-2e6,"w":2}"""));

    [Fact]
    public void TryParse_RepeatedPortsArrays_AreJoined()
    {
        var charger = Parse<ChargerReading>(DeviceKind.Charger, $$"""{{{Ts}},"ports":[{"port":1,"a":1}],"ports":[{"port":2,"a":2}]}""");

        Assert.Equal([1, 2], charger.Ports.Select(p => p.Port));
    }

    [Fact]
    public void TryParse_PortRepeatedAcrossPortsArrays_IsInvalidValue() =>
        Assert.Equal(new ParseError(RejectReason.InvalidValue, "ports[1].port"),
            Reject(DeviceKind.Charger, $$"""{{{Ts}},"ports":[{"port":1,"a":1}],"ports":[{"port":1,"a":2}]}"""));

    [Fact]
    public void TryParse_PortNumbersOneAndSixtyFour_AreDistinct()
    {
        var charger = Parse<ChargerReading>(DeviceKind.Charger, $$"""{{{Ts}},"ports":[{"port":64,"a":1},{"port":1,"a":1},{"port":63,"a":1}]}""");

        Assert.Equal([64, 1, 63], charger.Ports.Select(p => p.Port));
    }

    [Fact]
    public void TryParse_PortsOfTheNextMessage_DoNotCountAsRepeats()
    {
        const string Json = $$"""{{{Ts}},"ports":[{"port":1,"a":1},{"port":2,"a":1}]}""";

        Parse<ChargerReading>(DeviceKind.Charger, Json);
        Assert.Equal(2, Parse<ChargerReading>(DeviceKind.Charger, Json).Ports.Count);
    }

    [Fact]
    public void TryParse_LongAndExponentNumbers_TakeTheGeneralPath()
    {
        var meter = Parse<MeterReading>(DeviceKind.Meter, $$"""{{{Ts}},"w":1.1300000000000001,"v":2.2e2,"a":-0,"wh":1234567.8901234567}""");

        Assert.Equal((1.1300000000000001, 220.0, 1234567.8901234567), (meter.Watts, meter.Volts!.Value, meter.WattHours!.Value));
        Assert.True(double.IsNegative(meter.Amps!.Value));
    }
}
