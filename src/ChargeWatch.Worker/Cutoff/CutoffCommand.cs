using ChargeWatch.Core.Contract;
using System.Buffers;
using System.Text.Json;

namespace ChargeWatch.Worker.Cutoff;

/// <summary>A contract §3 command to one socket: <c>cut</c> (with reason and alert id) or <c>restore</c>.</summary>
public sealed record CutoffCommand(PortRef Target, bool Cut, string? Reason = null, string? AlertId = null)
{
    public string Topic => Topics.Command(Target.Site, Target.Charger);

    public string Name => Cut ? "cut" : "restore";

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
