using ChargeWatch.Core.Contract;
using System.Buffers;
using System.Text.Json;

namespace ChargeWatch.Worker.Cutoff;

/// <summary>A contract §3 command to one socket: <c>cut</c> (with reason and alert id) or <c>restore</c>.</summary>
public sealed record CutoffCommand(PortRef Target, bool Cut, string? Reason = null, string? AlertId = null)
{
    public string Topic => Topics.Command(Target.Site, Target.Charger);

    public string Name => Cut ? "cut" : "restore";

    /// <summary>
    /// Reads a <c>restore</c> command's port from its payload; false for a cut, anything malformed or a
    /// port outside 1..64. Other fields are ignored, as contract §2 asks of readers.
    /// </summary>
    public static bool TryReadRestore(ReadOnlySequence<byte> payload, out int port)
    {
        port = 0;
        string? name = null;
        try
        {
            var json = new Utf8JsonReader(payload);
            if (!json.Read() || json.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }
            while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
            {
                var field = json.ValueTextEquals("cmd"u8) ? 1 : json.ValueTextEquals("port"u8) ? 2 : 0;
                json.Read();
                if (field == 1 && json.TokenType == JsonTokenType.String)
                {
                    name = json.GetString();
                }
                else if (field == 2 && json.TokenType == JsonTokenType.Number && json.TryGetInt32(out var number))
                {
                    port = number;
                }
                else
                {
                    json.Skip();
                }
            }
        }
        catch (JsonException)
        {
            return false;
        }
        return name == "restore" && port is >= 1 and <= 64;
    }

    public byte[] ToUtf8()
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("cmd", Name);
            json.WriteNumber("port", Target.Port);
            if (Cut)
            {
                json.WriteString("reason", Reason);
                json.WriteString("alert", AlertId);
            }
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
