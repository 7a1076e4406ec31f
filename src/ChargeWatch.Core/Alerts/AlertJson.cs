using ChargeWatch.Core.Contract;
using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ChargeWatch.Core.Alerts;

/// <summary>Writes and reads the alert message of contract §6, every field present, in the contract's order.</summary>
public static class AlertJson
{
    public const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffzzz";

    // The default encoder escapes '+' (in every offset) and all non-ASCII text (Chinese summaries);
    // these messages go to MQTT subscribers, never into HTML.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] ToUtf8(AlertMessage alert)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        Write(alert, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    public static void Write(AlertMessage alert, IBufferWriter<byte> output)
    {
        using var json = new Utf8JsonWriter(output, WriterOptions);
        json.WriteStartObject();
        json.WriteString("id", alert.Id);
        json.WriteString("rule", alert.Rule);
        json.WriteString("status", alert.Status.ToContractName());
        json.WriteString("severity", alert.Severity.ToContractName());
        json.WriteString("site", alert.Site);
        json.WriteString("kind", alert.Kind.ToTopicName());
        json.WriteString("device", alert.DeviceId);
        if (alert.Port is { } port)
        {
            json.WriteNumber("port", port);
        }
        json.WriteString("startsAt", Format(alert.StartsAt));
        WriteNullable(json, "endsAt", alert.EndsAt is { } end ? Format(end) : null);
        WriteNullable(json, "value", alert.Value);
        WriteNullable(json, "threshold", alert.Threshold);
        WriteNullable(json, "unit", alert.Unit);
        json.WriteNumber("confidence", Math.Round(alert.Confidence, 3));
        json.WriteString("summary", alert.Summary);
        if (alert.Shed is not null)
        {
            json.WriteString("shed", alert.Shed);
        }
        json.WriteEndObject();
    }

    public static string Format(DateTimeOffset time) =>
        time.ToString(TimeFormat, System.Globalization.CultureInfo.InvariantCulture);

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            json.WriteNumber(name, Math.Round(v, 3));
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
