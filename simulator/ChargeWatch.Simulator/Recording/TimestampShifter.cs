using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChargeWatch.Core.Payloads;

namespace ChargeWatch.Simulator.Recording;

/// <summary>Moves a telemetry payload's <c>ts</c> by an offset, keeping its form (RFC 3339 with its offset, or epoch ms).</summary>
public static class TimestampShifter
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Shift(byte[] payload, TimeSpan by)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(payload);
        }
        catch (JsonException)
        {
            return payload;
        }
        if (node is not JsonObject obj || !obj.TryGetPropertyValue("ts", out var ts) || ts is not JsonValue value)
        {
            return payload;
        }
        if (value.TryGetValue<long>(out var ms))
        {
            obj["ts"] = ms + (long)by.TotalMilliseconds;
        }
        else if (value.TryGetValue<string>(out var text) && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var time))
        {
            obj["ts"] = TelemetryJson.FormatTimestamp(time + by);
        }
        else
        {
            return payload;
        }
        return JsonSerializer.SerializeToUtf8Bytes(obj, Options);
    }
}
