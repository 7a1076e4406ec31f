using System.Text;
using System.Text.Json;
using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Parsing;
using ChargeWatch.Core.Readings;

namespace ChargeWatch.Core.Tests.Scenarios;

/// <summary>One line of a scenario's <c>input.jsonl</c>: a topic and its payload, as a device publishes it.</summary>
internal sealed record ScenarioMessage(DeviceKey Device, Reading? Reading, bool? Online)
{
    /// <summary>Reads <c>{"topic": "...", "payload": {...} | "online" | "offline"}</c> lines; blank lines and <c>//</c> comments are skipped.</summary>
    public static List<ScenarioMessage> ReadAll(string path)
    {
        var parser = new TelemetryParser();
        var messages = new List<ScenarioMessage>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line) || line.TrimStart().StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }
            using var json = JsonDocument.Parse(line);
            var topic = json.RootElement.GetProperty("topic").GetString()!;
            var payload = json.RootElement.GetProperty("payload");
            if (!TopicParser.TryParseUncached(topic, out var address))
            {
                throw new InvalidDataException($"{path}:{number}: not a device topic: {topic}");
            }
            if (address.Channel == Channel.Status)
            {
                messages.Add(new ScenarioMessage(address.Device, null, payload.GetString() == "online"));
                continue;
            }
            var bytes = Encoding.UTF8.GetBytes(payload.GetRawText());
            if (!parser.TryParse(address, bytes, out var reading, out var error))
            {
                throw new InvalidDataException($"{path}:{number}: payload rejected: {error}");
            }
            messages.Add(new ScenarioMessage(address.Device, reading, null));
        }
        return messages;
    }
}
