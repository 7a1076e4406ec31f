using System.Buffers;
using System.Text.Json;
using ChargeWatch.Core.Contract;

namespace ChargeWatch.Simulator.Running;

/// <summary>A contract §3 command: <c>{"cmd":"cut","port":3,…}</c> or <c>{"cmd":"restore","port":3}</c>.</summary>
public readonly record struct PortCommand(string Charger, int Port, bool Cut)
{
    public static bool TryParse(string topic, ReadOnlySequence<byte> payload, out PortCommand command)
    {
        command = default;
        if (!TopicParser.TryParseUncached(topic, out var address) || address.Channel != Channel.Command || address.Kind != DeviceKind.Charger)
        {
            return false;
        }
        try
        {
            using var json = JsonDocument.Parse(payload);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("cmd", out var cmd) || cmd.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("port", out var port) || !port.TryGetInt32(out var number))
            {
                return false;
            }
            var cut = cmd.GetString() switch { "cut" => true, "restore" => false, _ => (bool?)null };
            if (cut is null)
            {
                return false;
            }
            command = new PortCommand(address.DeviceId, number, cut.Value);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
