using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using ChargeWatch.Core.Readings;

namespace ChargeWatch.Core.Payloads;

/// <summary>
/// Writes a <see cref="Reading"/> as the telemetry payload of contract §2: the one writer the
/// simulator, the tests and the benchmarks share, so that what they publish is what
/// <see cref="Parsing.TelemetryParser"/> reads back. Absent optional values are left out, never
/// written as zero or null. Event times keep millisecond precision (the contract's resolution).
/// </summary>
public static class TelemetryJson
{
    public const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffzzz";

    // The default encoder escapes '+' as \u002B, and the parser (rightly strict about ts) refuses an
    // escaped timestamp; ids and sheds are plain ASCII by contract, so relaxed escaping is safe.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // Utf8JsonWriter is reusable after Reset; one per thread keeps the hot path free of allocations.
    [ThreadStatic]
    private static Utf8JsonWriter? _cachedWriter;

    public static byte[] ToUtf8(Reading reading, TimestampStyle style = TimestampStyle.Rfc3339)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        Write(reading, buffer, style);
        return buffer.WrittenSpan.ToArray();
    }

    public static void Write(Reading reading, IBufferWriter<byte> output, TimestampStyle style = TimestampStyle.Rfc3339)
    {
        var json = _cachedWriter ??= new Utf8JsonWriter(Stream.Null, WriterOptions);
        json.Reset(output);
        try
        {
            json.WriteStartObject();
            WriteHeader(json, reading, style);
            switch (reading)
            {
                case ChargerReading charger: WriteCharger(json, charger); break;
                case FeederReading feeder: WriteFeeder(json, feeder); break;
                case MeterReading meter: WriteMeter(json, meter); break;
                case SensorReading sensor: WriteSensor(json, sensor); break;
                default: throw new ArgumentException($"Unknown reading type {reading.GetType().Name}", nameof(reading));
            }
            json.WriteEndObject();
            json.Flush();
        }
        finally
        {
            json.Reset(Stream.Null);
        }
    }

    public static string FormatTimestamp(DateTimeOffset timestamp) =>
        timestamp.ToString(TimeFormat, CultureInfo.InvariantCulture);

    private static void WriteHeader(Utf8JsonWriter json, Reading reading, TimestampStyle style)
    {
        if (style == TimestampStyle.EpochMilliseconds)
        {
            json.WriteNumber("ts"u8, reading.UnixMilliseconds);
        }
        else
        {
            Span<char> text = stackalloc char[32];
            reading.Timestamp.TryFormat(text, out var written, TimeFormat, CultureInfo.InvariantCulture);
            json.WriteString("ts"u8, text[..written]);
        }
        if (reading.Seq is { } seq)
        {
            json.WriteNumber("seq"u8, seq);
        }
    }

    private static void WriteCharger(Utf8JsonWriter json, ChargerReading charger)
    {
        WriteOptional(json, "shed"u8, charger.Shed);
        WriteOptional(json, "tempC"u8, charger.CabinetTempC);
        json.WriteStartArray("ports"u8);
        foreach (var port in charger.Ports)
        {
            json.WriteStartObject();
            json.WriteNumber("port"u8, port.Port);
            if (port.State != PortState.Unknown)
            {
                json.WriteString("state"u8, port.State.ToContractName());
            }
            WriteOptional(json, "v"u8, port.Volts);
            json.WriteNumber("a"u8, port.Amps);
            WriteOptional(json, "w"u8, port.Watts);
            WriteOptional(json, "wh"u8, port.WattHours);
            WriteOptional(json, "tempC"u8, port.TempC);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteFeeder(Utf8JsonWriter json, FeederReading feeder)
    {
        WriteOptional(json, "shed"u8, feeder.Shed);
        WriteOptional(json, "v"u8, feeder.Volts);
        json.WriteNumber("a"u8, feeder.Amps);
        WriteOptional(json, "w"u8, feeder.Watts);
        WriteOptional(json, "wh"u8, feeder.WattHours);
        WriteOptional(json, "leakMa"u8, feeder.LeakMilliamps);
    }

    private static void WriteMeter(Utf8JsonWriter json, MeterReading meter)
    {
        json.WriteNumber("w"u8, meter.Watts);
        WriteOptional(json, "v"u8, meter.Volts);
        WriteOptional(json, "a"u8, meter.Amps);
        WriteOptional(json, "pf"u8, meter.PowerFactor);
        WriteOptional(json, "wh"u8, meter.WattHours);
        if (meter.Role is { } role)
        {
            json.WriteString("role"u8, role.ToContractName());
        }
        WriteOptional(json, "building"u8, meter.Building);
        WriteOptional(json, "unit"u8, meter.Unit);
    }

    private static void WriteSensor(Utf8JsonWriter json, SensorReading sensor)
    {
        WriteOptional(json, "shed"u8, sensor.Shed);
        WriteOptional(json, "tempC"u8, sensor.TempC);
        if (sensor.Smoke is { } smoke)
        {
            json.WriteBoolean("smoke"u8, smoke);
        }
    }

    private static void WriteOptional(Utf8JsonWriter json, ReadOnlySpan<byte> name, double? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
    }

    private static void WriteOptional(Utf8JsonWriter json, ReadOnlySpan<byte> name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}
