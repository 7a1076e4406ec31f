using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChargeWatch.Simulator.Recording;

/// <summary>
/// One recorded message (a JSONL line): when it arrived, its event time when it has one, topic,
/// payload (UTF-8 text, or base64 when not valid UTF-8) and retain flag.
/// </summary>
public sealed record RecordLine
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        // Payloads stay readable (and greppable) in the file: no \u0022 for every quote.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    public required DateTimeOffset Arrival { get; init; }

    public DateTimeOffset? EventTime { get; init; }

    public required string Topic { get; init; }

    public string? Payload { get; init; }

    public string? PayloadBase64 { get; init; }

    public bool Retain { get; init; }

    public static RecordLine Create(DateTimeOffset arrival, DateTimeOffset? eventTime, string topic, ReadOnlySpan<byte> payload, bool retain)
    {
        try
        {
            return new RecordLine { Arrival = arrival, EventTime = eventTime, Topic = topic, Payload = StrictUtf8.GetString(payload), Retain = retain };
        }
        catch (DecoderFallbackException)
        {
            return new RecordLine { Arrival = arrival, EventTime = eventTime, Topic = topic, PayloadBase64 = Convert.ToBase64String(payload), Retain = retain };
        }
    }

    public byte[] PayloadBytes() => PayloadBase64 is not null ? Convert.FromBase64String(PayloadBase64) : Encoding.UTF8.GetBytes(Payload ?? "");
}
