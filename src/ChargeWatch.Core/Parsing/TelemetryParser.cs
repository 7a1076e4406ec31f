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
/// a JSON <c>null</c> counts as an absent field. Not thread-safe: one instance per consuming thread.
/// </summary>
public sealed class TelemetryParser(int maxPayloadBytes = TelemetryParser.DefaultMaxPayloadBytes)
{
    public const int DefaultMaxPayloadBytes = 64 * 1024;

    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 16 };

    private readonly StringPool _strings = new(capacity: 10_000);
    private readonly List<PortReading> _ports = new(capacity: PayloadLimits.MaxPort);

    public int MaxPayloadBytes { get; } = maxPayloadBytes;

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
        return TryParse(address.Device, new Utf8JsonReader(payload, ReaderOptions), out reading, out error);
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
        while (NextProperty(ref reader))
        {
            if (header.TryRead(ref reader))
            {
                continue;
            }
            if (reader.ValueTextEquals("ports"u8))
            {
                reader.Read();
                ReadPorts(ref reader);
                sawPorts = true;
            }
            else if (reader.ValueTextEquals("shed"u8)) { reader.Read(); shed = OptionalString(ref reader, "shed", _strings); }
            else if (reader.ValueTextEquals("tempC"u8)) { reader.Read(); cabinetTemp = OptionalNumber(ref reader, "tempC", MinTempC, MaxTempC); }
            else { SkipValue(ref reader); }
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
            foreach (var seen in _ports)
            {
                if (seen.Port == port.Port)
                {
                    throw Reject(RejectReason.InvalidValue, PortField(_ports.Count, "port"));
                }
            }
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
            if (reader.ValueTextEquals("port"u8)) { reader.Read(); port = IsNull(ref reader) ? null : (int)Integer(ref reader, "port", 1, MaxPort); }
            else if (reader.ValueTextEquals("a"u8)) { reader.Read(); amps = OptionalNumber(ref reader, "a", 0, MaxAmps); }
            else if (reader.ValueTextEquals("v"u8)) { reader.Read(); volts = OptionalNumber(ref reader, "v", -MaxAbsVolts, MaxAbsVolts); }
            else if (reader.ValueTextEquals("w"u8)) { reader.Read(); watts = OptionalNumber(ref reader, "w", 0, MaxWatts); }
            else if (reader.ValueTextEquals("wh"u8)) { reader.Read(); wattHours = OptionalNumber(ref reader, "wh", 0, MaxWattHours); }
            else if (reader.ValueTextEquals("tempC"u8)) { reader.Read(); temp = OptionalNumber(ref reader, "tempC", MinTempC, MaxTempC); }
            else if (reader.ValueTextEquals("state"u8)) { reader.Read(); state = ReadState(ref reader); }
            else { SkipValue(ref reader); }
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
            if (header.TryRead(ref reader)) { continue; }
            if (reader.ValueTextEquals("a"u8)) { reader.Read(); amps = OptionalNumber(ref reader, "a", 0, MaxAmps); }
            else if (reader.ValueTextEquals("v"u8)) { reader.Read(); volts = OptionalNumber(ref reader, "v", -MaxAbsVolts, MaxAbsVolts); }
            else if (reader.ValueTextEquals("w"u8)) { reader.Read(); watts = OptionalNumber(ref reader, "w", 0, MaxWatts); }
            else if (reader.ValueTextEquals("wh"u8)) { reader.Read(); wattHours = OptionalNumber(ref reader, "wh", 0, MaxWattHours); }
            else if (reader.ValueTextEquals("leakMa"u8)) { reader.Read(); leak = OptionalNumber(ref reader, "leakMa", 0, MaxLeakMilliamps); }
            else if (reader.ValueTextEquals("shed"u8)) { reader.Read(); shed = OptionalString(ref reader, "shed", _strings); }
            else { SkipValue(ref reader); }
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
            if (header.TryRead(ref reader)) { continue; }
            if (reader.ValueTextEquals("w"u8)) { reader.Read(); watts = OptionalNumber(ref reader, "w", -MaxWatts, MaxWatts); }
            else if (reader.ValueTextEquals("v"u8)) { reader.Read(); volts = OptionalNumber(ref reader, "v", -MaxAbsVolts, MaxAbsVolts); }
            else if (reader.ValueTextEquals("a"u8)) { reader.Read(); amps = OptionalNumber(ref reader, "a", 0, MaxAmps); }
            else if (reader.ValueTextEquals("pf"u8)) { reader.Read(); pf = OptionalNumber(ref reader, "pf", -1, 1); }
            else if (reader.ValueTextEquals("wh"u8)) { reader.Read(); wattHours = OptionalNumber(ref reader, "wh", 0, MaxWattHours); }
            else if (reader.ValueTextEquals("role"u8)) { reader.Read(); role = ReadRole(ref reader); }
            else if (reader.ValueTextEquals("building"u8)) { reader.Read(); building = OptionalString(ref reader, "building", _strings); }
            else if (reader.ValueTextEquals("unit"u8)) { reader.Read(); unit = OptionalString(ref reader, "unit", _strings); }
            else { SkipValue(ref reader); }
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
            if (header.TryRead(ref reader)) { continue; }
            if (reader.ValueTextEquals("tempC"u8)) { reader.Read(); temp = OptionalNumber(ref reader, "tempC", MinTempC, MaxTempC); }
            else if (reader.ValueTextEquals("smoke"u8)) { reader.Read(); smoke = IsNull(ref reader) ? null : Boolean(ref reader, "smoke"); }
            else if (reader.ValueTextEquals("shed"u8)) { reader.Read(); shed = OptionalString(ref reader, "shed", _strings); }
            else { SkipValue(ref reader); }
        }
        return new SensorReading(device, header.Timestamp, header.Seq, shed, temp, smoke);
    }

    /// <summary>Advances to the next property name of the current object; false at its end.</summary>
    private static bool NextProperty(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.PropertyName;
    }

    private static void SkipValue(ref Utf8JsonReader reader)
    {
        reader.Read();
        reader.Skip();
    }

    private static string PortField(int index, string? field) =>
        field is null ? $"ports[{index}]" : $"ports[{index}].{field}";

    /// <summary>The fields every payload shares: <c>ts</c> (required) and <c>seq</c>.</summary>
    private struct Header
    {
        private DateTimeOffset? _timestamp;

        public long? Seq { get; private set; }

        public readonly DateTimeOffset Timestamp => _timestamp ?? throw Reject(RejectReason.MissingField, "ts");

        public bool TryRead(ref Utf8JsonReader reader)
        {
            if (reader.ValueTextEquals("ts"u8))
            {
                reader.Read();
                _timestamp = IsNull(ref reader) ? null : JsonValues.Timestamp(ref reader);
                return true;
            }
            if (reader.ValueTextEquals("seq"u8))
            {
                reader.Read();
                Seq = IsNull(ref reader) ? null : Integer(ref reader, "seq", 0, MaxSeq);
                return true;
            }
            return false;
        }
    }
}
