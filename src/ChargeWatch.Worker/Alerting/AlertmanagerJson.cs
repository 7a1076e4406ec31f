using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace ChargeWatch.Worker.Alerting;

/// <summary>Writes the body of <c>POST /api/v2/alerts</c>: a JSON array of postable alerts.</summary>
public static class AlertmanagerJson
{
    public static byte[] ToUtf8(IEnumerable<AlertmanagerAlert> alerts, DateTimeOffset now, TimeSpan endsAhead)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var alert in alerts)
            {
                json.WriteStartObject();
                WriteMap(json, "labels", alert.Labels);
                WriteMap(json, "annotations", alert.Annotations);
                json.WriteString("startsAt", Format(alert.StartsAt));
                json.WriteString("endsAt", Format(alert.ResolvedAt ?? now + endsAhead));
                json.WriteString("generatorURL", alert.GeneratorUrl);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return buffer.WrittenSpan.ToArray();
    }

    public static string Format(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static void WriteMap(Utf8JsonWriter json, string name, SortedDictionary<string, string> map)
    {
        json.WriteStartObject(name);
        foreach (var (key, value) in map)
        {
            json.WriteString(key, value);
        }
        json.WriteEndObject();
    }
}
