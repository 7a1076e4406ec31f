using System.Text;
using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Parsing;
using static ChargeWatch.Core.Tests.Parsing.SamplePayloads;

namespace ChargeWatch.Core.Tests.Parsing;

public class TelemetryParserRejectTests
{
    private readonly TelemetryParser _parser = new();

    private ParseError Reject(DeviceKind kind, string json)
    {
        Assert.False(_parser.TryParse(Address(kind), Encoding.UTF8.GetBytes(json), out var reading, out var error));
        Assert.Null(reading);
        return error;
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{\"ts\":1783517400000,\"w\":1")]
    [InlineData("{\"ts\":1783517400000,\"w\":1}}")]
    [InlineData("{\"ts\":1783517400000,\"w\":1} trailing")]
    [InlineData("{'ts':1783517400000}")]
    [InlineData("{\"ts\":1783517400000,\"w\":NaN}")]
    [InlineData("{\"ts\":1783517400000,\"w\":Infinity}")]
    [InlineData("not json")]
    public void TryParse_MalformedJson_IsInvalidJson(string json) =>
        Assert.Equal(RejectReason.InvalidJson, Reject(DeviceKind.Meter, json).Reason);

    [Fact]
    public void TryParse_InvalidUtf8_IsInvalidJson()
    {
        byte[] payload = [.. "{\"ts\":1783517400000,\"w\":1,\"building\":\""u8, 0xC3, 0x28, .. "\"}"u8];

        Assert.False(_parser.TryParse(Address(DeviceKind.Meter), payload, out _, out var error));
        Assert.Equal(RejectReason.InvalidJson, error.Reason);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("\"text\"")]
    [InlineData("null")]
    public void TryParse_NotAnObject_IsNotAnObject(string json) =>
        Assert.Equal(new ParseError(RejectReason.NotAnObject, "$"), Reject(DeviceKind.Sensor, json));

    [Theory]
    [InlineData(DeviceKind.Charger, "{\"ports\":[]}", "ts")]
    [InlineData(DeviceKind.Charger, "{" + Ts + "}", "ports")]
    [InlineData(DeviceKind.Charger, "{" + Ts + ",\"ports\":[{\"a\":1}]}", "ports[0].port")]
    [InlineData(DeviceKind.Charger, "{" + Ts + ",\"ports\":[{\"port\":1,\"a\":1},{\"port\":2,\"w\":1}]}", "ports[1].a")]
    [InlineData(DeviceKind.Feeder, "{" + Ts + ",\"v\":230}", "a")]
    [InlineData(DeviceKind.Feeder, "{" + Ts + ",\"a\":null}", "a")]
    [InlineData(DeviceKind.Meter, "{" + Ts + ",\"v\":230}", "w")]
    [InlineData(DeviceKind.Sensor, "{\"tempC\":20}", "ts")]
    [InlineData(DeviceKind.Sensor, "{\"ts\":null}", "ts")]
    public void TryParse_RequiredFieldAbsent_IsMissingField(DeviceKind kind, string json, string field) =>
        Assert.Equal(new ParseError(RejectReason.MissingField, field), Reject(kind, json));

    [Theory]
    [InlineData(DeviceKind.Meter, "{" + Ts + ",\"w\":\"412\"}", "w")]
    [InlineData(DeviceKind.Meter, "{" + Ts + ",\"w\":1,\"pf\":true}", "pf")]
    [InlineData(DeviceKind.Meter, "{" + Ts + ",\"w\":1,\"role\":1}", "role")]
    [InlineData(DeviceKind.Meter, "{" + Ts + ",\"w\":1,\"building\":6}", "building")]
    [InlineData(DeviceKind.Meter, "{" + Ts + ",\"w\":1,\"seq\":\"1\"}", "seq")]
    [InlineData(DeviceKind.Meter, "{" + Ts + ",\"w\":1,\"seq\":1.5}", "seq")]
    [InlineData(DeviceKind.Meter, "{\"ts\":true,\"w\":1}", "ts")]
    [InlineData(DeviceKind.Sensor, "{" + Ts + ",\"smoke\":\"false\"}", "smoke")]
    [InlineData(DeviceKind.Sensor, "{" + Ts + ",\"smoke\":0}", "smoke")]
    [InlineData(DeviceKind.Sensor, "{" + Ts + ",\"tempC\":\"NaN\"}", "tempC")]
    [InlineData(DeviceKind.Sensor, "{" + Ts + ",\"shed\":[\"a\"]}", "shed")]
    [InlineData(DeviceKind.Feeder, "{" + Ts + ",\"a\":{}}", "a")]
    [InlineData(DeviceKind.Charger, "{" + Ts + ",\"ports\":{}}", "ports")]
    [InlineData(DeviceKind.Charger, "{" + Ts + ",\"ports\":[{\"port\":\"1\",\"a\":1}]}", "ports[0].port")]
    [InlineData(DeviceKind.Charger, "{" + Ts + ",\"ports\":[{\"port\":1,\"a\":1,\"state\":3}]}", "ports[0].state")]
    [InlineData(DeviceKind.Charger, "{" + Ts + ",\"ports\":[{\"port\":1.5,\"a\":1}]}", "ports[0].port")]
    [InlineData(DeviceKind.Charger, "{" + Ts + ",\"tempC\":\"hot\",\"ports\":[]}", "tempC")]
    public void TryParse_ValueOfWrongType_IsWrongType(DeviceKind kind, string json, string field) =>
        Assert.Equal(new ParseError(RejectReason.WrongType, field), Reject(kind, json));

    [Theory]
    [InlineData(DeviceKind.Meter, "{" + Ts + ",\"w\":1e400}", "w")]
    [InlineData(DeviceKind.Meter, "{" + Ts + ",\"w\":-1e400}", "w")]
    [InlineData(DeviceKind.Charger, "{" + Ts + ",\"ports\":[{\"port\":1,\"a\":1e999}]}", "ports[0].a")]
    public void TryParse_NonFiniteNumber_IsNotFinite(DeviceKind kind, string json, string field) =>
        Assert.Equal(new ParseError(RejectReason.NotFinite, field), Reject(kind, json));

    [Theory]
    [InlineData(DeviceKind.Charger, "{" + Ts + ",\"ports\":[{\"port\":1,\"a\":-0.1}]}", "ports[0].a")]
    [InlineData(DeviceKind.Charger, "{" + Ts + ",\"ports\":[{\"port\":1,\"a\":1000.5}]}", "ports[0].a")]
    [InlineData(DeviceKind.Charger, "{" + Ts + ",\"ports\":[{\"port\":1,\"a\":1,\"v\":1000.1}]}", "ports[0].v")]
    [InlineData(DeviceKind.Charger, "{" + Ts + ",\"ports\":[{\"port\":1,\"a\":1,\"v\":-1001}]}", "ports[0].v")]
    [InlineData(DeviceKind.Charger, "{" + Ts + ",\"ports\":[{\"port\":1,\"a\":1,\"w\":-5}]}", "ports[0].w")]
    [InlineData(DeviceKind.Charger, "{" + Ts + ",\"ports\":[{\"port\":1,\"a\":1,\"wh\":-5}]}", "ports[0].wh")]
    [InlineData(DeviceKind.Charger, "{" + Ts + ",\"ports\":[{\"port\":1,\"a\":1,\"tempC\":300.5}]}", "ports[0].tempC")]
    [InlineData(DeviceKind.Charger, "{" + Ts + ",\"ports\":[{\"port\":0,\"a\":1}]}", "ports[0].port")]
    [InlineData(DeviceKind.Charger, "{" + Ts + ",\"ports\":[{\"port\":65,\"a\":1}]}", "ports[0].port")]
    [InlineData(DeviceKind.Charger, "{" + Ts + ",\"tempC\":-50.5,\"ports\":[]}", "tempC")]
    [InlineData(DeviceKind.Feeder, "{" + Ts + ",\"a\":1,\"leakMa\":-1}", "leakMa")]
    [InlineData(DeviceKind.Feeder, "{" + Ts + ",\"a\":-1}", "a")]
    [InlineData(DeviceKind.Meter, "{" + Ts + ",\"w\":1,\"pf\":1.2}", "pf")]
    [InlineData(DeviceKind.Meter, "{" + Ts + ",\"w\":2e6}", "w")]
    [InlineData(DeviceKind.Meter, "{" + Ts + ",\"w\":1,\"seq\":-1}", "seq")]
    [InlineData(DeviceKind.Sensor, "{" + Ts + ",\"tempC\":1000}", "tempC")]
    public void TryParse_PhysicallyImpossibleValue_IsOutOfRange(DeviceKind kind, string json, string field) =>
        Assert.Equal(new ParseError(RejectReason.OutOfRange, field), Reject(kind, json));

    [Fact]
    public void TryParse_MoreThan64Ports_IsOutOfRange()
    {
        var ports = string.Join(',', Enumerable.Range(1, 65).Select(p => $"{{\"port\":{Math.Min(p, 64)},\"a\":0}}"));

        Assert.Equal(new ParseError(RejectReason.OutOfRange, "ports"), Reject(DeviceKind.Charger, $"{{{Ts},\"ports\":[{ports}]}}"));
    }

    [Theory]
    [InlineData("\"2026-07-08T21:30:00\"")]
    [InlineData("\"2026-07-08 21:30\"")]
    [InlineData("\"yesterday\"")]
    [InlineData("\"2026-13-08T21:30:00Z\"")]
    [InlineData("\"1999-12-31T23:59:59Z\"")]
    [InlineData("1783517400")]
    [InlineData("-1")]
    [InlineData("1783517400000.5")]
    [InlineData("99999999999999999999")]
    public void TryParse_BadTimestamp_IsInvalidTimestamp(string ts) =>
        Assert.Equal(new ParseError(RejectReason.InvalidTimestamp, "ts"), Reject(DeviceKind.Meter, $"{{\"ts\":{ts},\"w\":1}}"));

    [Theory]
    [InlineData(DeviceKind.Charger, "{" + Ts + ",\"ports\":[{\"port\":1,\"a\":1,\"state\":\"burning\"}]}", "ports[0].state")]
    [InlineData(DeviceKind.Charger, "{" + Ts + ",\"ports\":[{\"port\":1,\"a\":1},{\"port\":1,\"a\":2}]}", "ports[1].port")]
    [InlineData(DeviceKind.Charger, "{" + Ts + ",\"shed\":\"\",\"ports\":[]}", "shed")]
    [InlineData(DeviceKind.Meter, "{" + Ts + ",\"w\":1,\"role\":\"shop\"}", "role")]
    public void TryParse_ValueOutsideItsSet_IsInvalidValue(DeviceKind kind, string json, string field) =>
        Assert.Equal(new ParseError(RejectReason.InvalidValue, field), Reject(kind, json));

    [Theory]
    [InlineData(DeviceKind.Charger, "{" + Ts + ",\"ports\":[1]}", "ports[0]")]
    [InlineData(DeviceKind.Charger, "{" + Ts + ",\"ports\":[null]}", "ports[0]")]
    public void TryParse_PortEntryNotAnObject_IsNotAnObject(DeviceKind kind, string json, string field) =>
        Assert.Equal(new ParseError(RejectReason.NotAnObject, field), Reject(kind, json));

    [Fact]
    public void TryParse_OneBadPortAmongGood_RejectsTheWholeMessage()
    {
        var json = $"{{{Ts},\"ports\":[{{\"port\":1,\"a\":1}},{{\"port\":2,\"a\":1}},{{\"port\":3,\"a\":-1}}]}}";

        Assert.Equal(new ParseError(RejectReason.OutOfRange, "ports[2].a"), Reject(DeviceKind.Charger, json));
    }

    [Fact]
    public void TryParse_PayloadOverLimit_IsTooLargeWithoutReading()
    {
        var parser = new TelemetryParser(maxPayloadBytes: 16);

        Assert.False(parser.TryParse(Address(DeviceKind.Meter), "{\"ts\":1783517400000,\"w\":1}"u8, out _, out var error));
        Assert.Equal(new ParseError(RejectReason.TooLarge), error);
    }

    [Fact]
    public void TryParse_DeeplyNestedUnknownField_IsRejectedNotCrashed()
    {
        var json = "{\"ts\":1783517400000,\"w\":1,\"x\":" + new string('[', 100) + new string(']', 100) + "}";

        Assert.Equal(RejectReason.InvalidJson, Reject(DeviceKind.Meter, json).Reason);
    }

    [Fact]
    public void TryParse_AfterReject_ParserStillAcceptsGoodPayloads()
    {
        Reject(DeviceKind.Charger, $"{{{Ts},\"ports\":[{{\"port\":1,\"a\":1}},{{\"port\":2}}]}}");

        Assert.True(_parser.TryParse(Address(DeviceKind.Charger), Encoding.UTF8.GetBytes(Charger), out var reading, out _));
        Assert.Equal(2, ((ChargeWatch.Core.Readings.ChargerReading)reading).Ports.Count);
    }

    [Fact]
    public void RejectReasonNames_AreSnakeCaseAndUnique()
    {
        var names = RejectReasonNames.All.Select(r => r.ToName()).ToList();

        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.All(names, n => Assert.Matches("^[a-z_]+$", n));
        Assert.DoesNotContain(RejectReason.None, RejectReasonNames.All);
    }
}
