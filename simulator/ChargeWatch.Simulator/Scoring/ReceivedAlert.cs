using System.Text.Json;

namespace ChargeWatch.Simulator.Scoring;

/// <summary>The fields of a contract §6 alert message that scoring needs.</summary>
public sealed record ReceivedAlert(string Id, string Rule, string Status, string Device, int? Port, DateTimeOffset StartsAt)
{
    public static bool TryParse(ReadOnlySpan<byte> json, out ReceivedAlert? alert)
    {
        alert = null;
        try
        {
            using var doc = JsonDocument.Parse(json.ToArray());
            var r = doc.RootElement;
            if (r.ValueKind != JsonValueKind.Object || !r.TryGetProperty("rule", out var rule) || !r.TryGetProperty("device", out var device)
                || !r.TryGetProperty("startsAt", out var starts) || !starts.TryGetDateTimeOffset(out var startsAt))
            {
                return false;
            }
            int? port = r.TryGetProperty("port", out var p) && p.TryGetInt32(out var n) ? n : null;
            var id = r.TryGetProperty("id", out var i) ? i.GetString() ?? "" : "";
            var status = r.TryGetProperty("status", out var s) ? s.GetString() ?? "firing" : "firing";
            alert = new ReceivedAlert(id, rule.GetString() ?? "", status, device.GetString() ?? "", port, startsAt);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
