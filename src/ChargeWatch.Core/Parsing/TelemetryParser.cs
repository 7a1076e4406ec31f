using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Readings;
using static ChargeWatch.Core.Parsing.JsonValues;
using static ChargeWatch.Core.Parsing.PayloadLimits;

namespace ChargeWatch.Core.Parsing;

/// <summary>
/// Parses and validates telemetry payloads of contract §2 straight from the payload bytes.
/// A payload is accepted whole or rejected whole with a named reason. Unknown fields are ignored;
/// a JSON <c>null</c> counts as an absent field. Charger payloads first try <see cref="PlainChargerReader"/>,
/// an accept-only fast path; whatever it declines is read here with <see cref="Utf8JsonReader"/>.
/// Not thread-safe: one instance per consuming thread.
/// </summary>
public sealed class TelemetryParser
{
    public const int DefaultMaxPayloadBytes = 64 * 1024;

    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 16 };

    private readonly StringPool _strings = new(capacity: 10_000);
    private readonly PlainChargerReader _plainCharger;
    private readonly List<PortReading> _ports = new(capacity: PayloadLimits.MaxPort);
    // Port numbers seen in this payload, bit (port − 1): a repeated port is found without rescanning _ports.
    private ulong _seenPorts;

    public TelemetryParser(int maxPayloadBytes = DefaultMaxPayloadBytes)
    {
        MaxPayloadBytes = maxPayloadBytes;
        _plainCharger = new PlainChargerReader(_strings);
    }

    public int MaxPayloadBytes { get; }

    /// <summary>Off only in tests that compare the fast path with the general one.</summary>
    internal bool UsePlainChargerPath { get; set; } = true;

    public bool TryParse(
        TopicAddress address, ReadOnlySequence<byte> payload,
        [NotNullWhen(true)] out Reading? reading, out ParseError error)
    {
        if (payload.Length > MaxPayloadBytes)
        {
            reading = null;
            error = new ParseError(RejectReason.TooLarge);
            return false;
        }
        // MQTT payloads nearly always arrive in one segment; the span overload then takes the fast paths.
        return payload.IsSingleSegment
            ? TryParse(address, payload.FirstSpan, out reading, out error)
            : TryParse(address.Device, new Utf8JsonReader(payload, ReaderOptions), out reading, out error);
    }

    public bool TryParse(
        TopicAddress address, ReadOnlySpan<byte> payload,
        [NotNullWhen(true)] out Reading? reading, out ParseError error)
    {
        if (payload.Length > MaxPayloadBytes)
        {
            reading = null;
            error = new ParseError(RejectReason.TooLarge);
            return false;
        }
        if (address.Device.Kind == DeviceKind.Charger && UsePlainChargerPath
            && _plainCharger.TryRead(payload, address.Device, out var charger))
        {
            reading = charger;
            error = default;
            return true;
        }
        return TryParse(address.Device, new Utf8JsonReader(payload, ReaderOptions), out reading, out error);
    }

    private bool TryParse(DeviceKey device, Utf8JsonReader reader, [NotNullWhen(true)] out Reading? reading, out ParseError error)
    {
        try
        {
            if (!reader.Read())
            {
                throw Reject(RejectReason.InvalidJson, "$");
            }
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw Reject(RejectReason.NotAnObject, "$");
            }
            reading = device.Kind switch
            {
                DeviceKind.Charger => ReadCharger(ref reader, device),
                DeviceKind.Feeder => ReadFeeder(ref reader, device),
                DeviceKind.Meter => ReadMeter(ref reader, device),
                _ => ReadSensor(ref reader, device),
            };
            // Trailing content after the object is malformed JSON.
            if (reader.Read())
            {
                throw Reject(RejectReason.InvalidJson, "$");
            }
            error = default;
            return true;
        }
        catch (ParseException e)
        {
            reading = null;
            error = e.Error;
            return false;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: string content that is not valid UTF-8.
            reading = null;
            error = new ParseError(RejectReason.InvalidJson);
            return false;
        }
    }

    private ChargerReading ReadCharger(ref Utf8JsonReader reader, DeviceKey device)
    {
        var header = default(Header);
        string? shed = null;
        double? cabinetTemp = null;
        var sawPorts = false;
        _ports.Clear();
        _seenPorts = 0;
        while (NextProperty(ref reader))
        {
            var field = PayloadFieldNames.Charger.Of(ref reader);
            reader.Read();
            switch (field)
            {
                case PayloadField.Ports: ReadPorts(ref reader); sawPorts = true; break;
                case PayloadField.Shed: shed = OptionalString(ref reader, "shed", _strings); break;
                case PayloadField.TempC: cabinetTemp = OptionalNumber(ref reader, "tempC", MinTempC, MaxTempC); break;
                default: header.Read(ref reader, field); break;
            }
        }
        if (!sawPorts)
        {
            throw Reject(RejectReason.MissingField, "ports");
        }
        return new ChargerReading(device, header.Timestamp, header.Seq, shed, cabinetTemp, [.. _ports]);
    }

    private void ReadPorts(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Reject(RejectReason.WrongType, "ports");
        }
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (_ports.Count == MaxPort)
            {
                throw Reject(RejectReason.OutOfRange, "ports");
            }
            var port = ReadPortNamingErrors(ref reader, _ports.Count);
            // ReadPort has checked 1 ≤ port ≤ MaxPort (64), so every port number has its own bit.
            var bit = 1UL << (port.Port - 1);
            if ((_seenPorts & bit) != 0)
            {
                throw Reject(RejectReason.InvalidValue, PortField(_ports.Count, "port"));
            }
            _seenPorts |= bit;
            _ports.Add(port);
        }
    }

    private static PortReading ReadPortNamingErrors(ref Utf8JsonReader reader, int index)
    {
        try
        {
            return ReadPort(ref reader);
        }
        catch (ParseException e)
        {
            // Field names are qualified only on rejection so the accepted path allocates nothing for them.
            throw Reject(e.Error.Reason, PortField(index, e.Error.Field));
        }
    }

    private static PortReading ReadPort(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Reject(RejectReason.NotAnObject, null);
        }
        int? port = null;
        double? amps = null, volts = null, watts = null, wattHours = null, temp = null;
        var state = PortState.Unknown;
        while (NextProperty(ref reader))
        {
            var field = PayloadFieldNames.PortEntry.Of(ref reader);
            reader.Read();
            switch (field)
            {
                case PayloadField.Port: port = IsNull(ref reader) ? null : (int)Integer(ref reader, "port", 1, MaxPort); break;
                case PayloadField.A: amps = OptionalNumber(ref reader, "a", 0, MaxAmps); break;
                case PayloadField.V: volts = OptionalNumber(ref reader, "v", -MaxAbsVolts, MaxAbsVolts); break;
                case PayloadField.W: watts = OptionalNumber(ref reader, "w", 0, MaxWatts); break;
                case PayloadField.Wh: wattHours = OptionalNumber(ref reader, "wh", 0, MaxWattHours); break;
                case PayloadField.TempC: temp = OptionalNumber(ref reader, "tempC", MinTempC, MaxTempC); break;
                case PayloadField.State: state = ReadState(ref reader); break;
                default: reader.Skip(); break;
            }
        }
        if (port is null)
        {
            throw Reject(RejectReason.MissingField, "port");
        }
        if (amps is null)
        {
            throw Reject(RejectReason.MissingField, "a");
        }
        return new PortReading(port.Value, amps.Value, state, volts, watts, wattHours, temp);
    }

    private static PortState ReadState(ref Utf8JsonReader reader)
    {
        if (IsNull(ref reader))
        {
            return PortState.Unknown;
        }
        if (reader.TokenType != JsonTokenType.String)
        {
            throw Reject(RejectReason.WrongType, "state");
        }
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            var text = reader.ValueSpan;
            if (text.SequenceEqual("charging"u8)) { return PortState.Charging; }
            if (text.SequenceEqual("idle"u8)) { return PortState.Idle; }
        }
        // ValueTextEquals copes with escaped text and values split across payload segments.
        if (reader.ValueTextEquals("idle"u8)) { return PortState.Idle; }
        if (reader.ValueTextEquals("charging"u8)) { return PortState.Charging; }
        if (reader.ValueTextEquals("full"u8)) { return PortState.Full; }
        if (reader.ValueTextEquals("fault"u8)) { return PortState.Fault; }
        if (reader.ValueTextEquals("off"u8)) { return PortState.Off; }
        throw Reject(RejectReason.InvalidValue, "state");
    }

    private FeederReading ReadFeeder(ref Utf8JsonReader reader, DeviceKey device)
    {
        var header = default(Header);
        string? shed = null;
        double? amps = null, volts = null, watts = null, wattHours = null, leak = null;
        while (NextProperty(ref reader))
        {
            var field = PayloadFieldNames.Feeder.Of(ref reader);
            reader.Read();
            switch (field)
            {
                case PayloadField.A: amps = OptionalNumber(ref reader, "a", 0, MaxAmps); break;
                case PayloadField.V: volts = OptionalNumber(ref reader, "v", -MaxAbsVolts, MaxAbsVolts); break;
                case PayloadField.W: watts = OptionalNumber(ref reader, "w", 0, MaxWatts); break;
                case PayloadField.Wh: wattHours = OptionalNumber(ref reader, "wh", 0, MaxWattHours); break;
                case PayloadField.LeakMa: leak = OptionalNumber(ref reader, "leakMa", 0, MaxLeakMilliamps); break;
                case PayloadField.Shed: shed = OptionalString(ref reader, "shed", _strings); break;
                default: header.Read(ref reader, field); break;
            }
        }
        return new FeederReading(device, header.Timestamp, header.Seq, shed,
            amps ?? throw Reject(RejectReason.MissingField, "a"), volts, watts, wattHours, leak);
    }

    private MeterReading ReadMeter(ref Utf8JsonReader reader, DeviceKey device)
    {
        var header = default(Header);
        double? watts = null, volts = null, amps = null, pf = null, wattHours = null;
        MeterRole? role = null;
        string? building = null, unit = null;
        while (NextProperty(ref reader))
        {
            var field = PayloadFieldNames.Meter.Of(ref reader);
            reader.Read();
            switch (field)
            {
                case PayloadField.W: watts = OptionalNumber(ref reader, "w", -MaxWatts, MaxWatts); break;
                case PayloadField.V: volts = OptionalNumber(ref reader, "v", -MaxAbsVolts, MaxAbsVolts); break;
                case PayloadField.A: amps = OptionalNumber(ref reader, "a", 0, MaxAmps); break;
                case PayloadField.Pf: pf = OptionalNumber(ref reader, "pf", -1, 1); break;
                case PayloadField.Wh: wattHours = OptionalNumber(ref reader, "wh", 0, MaxWattHours); break;
                case PayloadField.Role: role = ReadRole(ref reader); break;
                case PayloadField.Building: building = OptionalString(ref reader, "building", _strings); break;
                case PayloadField.Unit: unit = OptionalString(ref reader, "unit", _strings); break;
                default: header.Read(ref reader, field); break;
            }
        }
        return new MeterReading(device, header.Timestamp, header.Seq,
            watts ?? throw Reject(RejectReason.MissingField, "w"), volts, amps, pf, wattHours, role, building, unit);
    }

    private static MeterRole? ReadRole(ref Utf8JsonReader reader)
    {
        if (IsNull(ref reader))
        {
            return null;
        }
        if (reader.TokenType != JsonTokenType.String)
        {
            throw Reject(RejectReason.WrongType, "role");
        }
        if (reader.ValueTextEquals("household"u8)) { return MeterRole.Household; }
        if (reader.ValueTextEquals("corridor"u8)) { return MeterRole.Corridor; }
        throw Reject(RejectReason.InvalidValue, "role");
    }

    private SensorReading ReadSensor(ref Utf8JsonReader reader, DeviceKey device)
    {
        var header = default(Header);
        string? shed = null;
        double? temp = null;
        bool? smoke = null;
        while (NextProperty(ref reader))
        {
            var field = PayloadFieldNames.Sensor.Of(ref reader);
            reader.Read();
            switch (field)
            {
                case PayloadField.TempC: temp = OptionalNumber(ref reader, "tempC", MinTempC, MaxTempC); break;
                case PayloadField.Smoke: smoke = IsNull(ref reader) ? null : Boolean(ref reader, "smoke"); break;
                case PayloadField.Shed: shed = OptionalString(ref reader, "shed", _strings); break;
                default: header.Read(ref reader, field); break;
            }
        }
        return new SensorReading(device, header.Timestamp, header.Seq, shed, temp, smoke);
    }

    /// <summary>Advances to the next property name of the current object; false at its end.</summary>
    private static bool NextProperty(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.PropertyName;
    }

    private static string PortField(int index, string? field) =>
        field is null ? $"ports[{index}]" : $"ports[{index}].{field}";

    /// <summary>The fields every payload shares: <c>ts</c> (required) and <c>seq</c>.</summary>
    private struct Header
    {
        private DateTimeOffset? _timestamp;

        public long? Seq { get; private set; }

        public readonly DateTimeOffset Timestamp => _timestamp ?? throw Reject(RejectReason.MissingField, "ts");

        /// <summary>Reads the value at the reader if <paramref name="field"/> is a header field, else skips it.</summary>
        public void Read(ref Utf8JsonReader reader, PayloadField field)
        {
            switch (field)
            {
                case PayloadField.Ts: _timestamp = IsNull(ref reader) ? null : JsonValues.Timestamp(ref reader); break;
                case PayloadField.Seq: Seq = IsNull(ref reader) ? null : Integer(ref reader, "seq", 0, MaxSeq); break;
                default: reader.Skip(); break;
            }
        }
    }
}
