using System.Text;
using System.Text.Json;
using ChargeWatch.Core.Parsing;
using ChargeWatch.Worker.DeadLetters;

namespace ChargeWatch.Worker.Tests.DeadLetters;

public sealed class DeadLetterFileTests : IDisposable
{
    private static readonly DateTimeOffset ReceivedAt = new(2026, 7, 8, 13, 30, 0, TimeSpan.Zero);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cw-dead-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Append_TextPayload_WritesOneJsonLineWithEveryField()
    {
        using (var file = new DeadLetterFile(_directory, 1 << 20, 3))
        {
            var payload = "{\"ts\":1,\"a\":\"x\"}"u8;
            file.Append("chargewatch/s/feeder/f1/telemetry", new ParseError(RejectReason.WrongType, "a"), payload, payload.Length, ReceivedAt);
        }
        var line = Assert.Single(File.ReadAllLines(Path.Combine(_directory, DeadLetterFile.FileName)));
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        Assert.Equal("chargewatch/s/feeder/f1/telemetry", root.GetProperty("topic").GetString());
        Assert.Equal("wrong_type", root.GetProperty("reason").GetString());
        Assert.Equal("a", root.GetProperty("field").GetString());
        Assert.Equal("{\"ts\":1,\"a\":\"x\"}", root.GetProperty("payload").GetString());
        Assert.Equal("2026-07-08T13:30:00.000+00:00", root.GetProperty("receivedAt").GetString());
    }

    [Fact]
    public void Append_BinaryPayload_StoredAsBase64()
    {
        byte[] payload = [0xff, 0xfe, 0x00, 0x01];
        using (var file = new DeadLetterFile(_directory, 1 << 20, 3))
        {
            file.Append("t", new ParseError(RejectReason.InvalidJson), payload, payload.Length, ReceivedAt);
        }
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_directory, DeadLetterFile.FileName)));
        Assert.Equal(payload, json.RootElement.GetProperty("payloadBase64").GetBytesFromBase64());
    }

    [Fact]
    public void Append_TooLargePayload_RecordsSizeWithoutContent()
    {
        using (var file = new DeadLetterFile(_directory, 1 << 20, 3))
        {
            file.Append("t", new ParseError(RejectReason.TooLarge), default, 100_000, ReceivedAt);
        }
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_directory, DeadLetterFile.FileName)));
        Assert.Equal(100_000, json.RootElement.GetProperty("size").GetInt64());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("payload").ValueKind);
    }

    [Fact]
    public void Append_BeyondMaxBytes_RotatesAndKeepsAtMostMaxFiles()
    {
        const long maxBytes = 4096;
        var payload = Encoding.UTF8.GetBytes(new string('x', 500));
        using (var file = new DeadLetterFile(_directory, maxBytes, maxFiles: 2))
        {
            for (var i = 0; i < 100; i++)
            {
                file.Append($"topic/{i}", new ParseError(RejectReason.InvalidJson), payload, payload.Length, ReceivedAt);
            }
        }
        var files = Directory.GetFiles(_directory).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["deadletters.1.jsonl", "deadletters.2.jsonl", "deadletters.jsonl"], files);
        Assert.All(Directory.GetFiles(_directory), f => Assert.True(new FileInfo(f).Length <= maxBytes));
        // The newest record is in the current file, the older ones rotated out in order.
        Assert.Contains("topic/99", File.ReadAllLines(Path.Combine(_directory, "deadletters.jsonl")).Last(), StringComparison.Ordinal);
        var rotated = File.ReadAllLines(Path.Combine(_directory, "deadletters.1.jsonl"));
        var current = File.ReadAllLines(Path.Combine(_directory, "deadletters.jsonl"));
        Assert.Equal(99 - current.Length, TopicNumber(rotated.Last()));
    }

    private static int TopicNumber(string line)
    {
        using var json = JsonDocument.Parse(line);
        return int.Parse(json.RootElement.GetProperty("topic").GetString()!["topic/".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }
}
