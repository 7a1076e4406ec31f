using System.Globalization;
using System.Text;

namespace ChargeWatch.Testing;

/// <summary>
/// Telemetry payloads of contract §2, built as text exactly as devices send them. Optional values
/// left null are omitted, never written as zero.
/// </summary>
public static class ContractPayloads
{
    /// <summary>The contract's charger example.</summary>
    public const string ChargerExample =
        """{"ts":"2026-07-08T21:30:00.000+08:00","seq":1234,"shed":"shed-a","tempC":35.0,"ports":[{"port":1,"state":"charging","v":221.3,"a":1.12,"w":231.5,"wh":512.0,"tempC":31.5},{"port":2,"state":"idle","v":221.3,"a":0.0,"w":0.0,"wh":10.2}]}""";

    public static string Topic(string site, string kind, string device, string channel = "telemetry") =>
        $"chargewatch/{site}/{kind}/{device}/{channel}";

    /// <summary>RFC 3339 with milliseconds and the offset of <paramref name="ts"/>, as the contract examples write it.</summary>
    public static string Rfc3339(DateTimeOffset ts) => ts.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    public static string Charger(DateTimeOffset ts, long? seq, IEnumerable<Port> ports, string? shed = null, double? tempC = null)
    {
        var json = Begin(ts, seq).Text("shed", shed).Number("tempC", tempC);
        json.Raw(",\"ports\":[");
        var first = true;
        foreach (var port in ports)
        {
            json.Raw(first ? "{" : ",{");
            first = false;
            json.Raw($"\"port\":{port.Number}").Text("state", port.State).Number("v", port.V).Number("a", port.A)
                .Number("w", port.W).Number("wh", port.Wh).Number("tempC", port.TempC).Raw("}");
        }
        return json.Raw("]").End();
    }

    public static string Feeder(DateTimeOffset ts, long? seq, double a, double? v = null, double? w = null, double? wh = null, double? leakMa = null, string? shed = null) =>
        Begin(ts, seq).Text("shed", shed).Number("v", v).Number("a", a).Number("w", w).Number("wh", wh).Number("leakMa", leakMa).End();

    public static string Meter(DateTimeOffset ts, long? seq, double w, double? v = null, double? a = null, double? pf = null, double? wh = null,
        string? role = null, string? building = null, string? unit = null) =>
        Begin(ts, seq).Number("w", w).Number("v", v).Number("a", a).Number("pf", pf).Number("wh", wh)
            .Text("role", role).Text("building", building).Text("unit", unit).End();

    public static string Sensor(DateTimeOffset ts, long? seq, double? tempC = null, bool? smoke = null, string? shed = null) =>
        Begin(ts, seq).Text("shed", shed).Number("tempC", tempC).Flag("smoke", smoke).End();

    /// <summary>A two-port charger reading whose values derive from <paramref name="seq"/>: handy for streams.</summary>
    public static string StreamCharger(DateTimeOffset ts, long seq, string shed = "shed-a") => Charger(ts, seq,
        [
            new Port(1, "charging", V: 220 + seq % 5, A: 1 + seq % 3 * 0.25, W: 230, Wh: seq),
            new Port(2, "idle", V: 220, A: 0, W: 0, Wh: 10),
        ], shed, tempC: 30);

    private static JsonText Begin(DateTimeOffset ts, long? seq)
    {
        var json = new JsonText();
        json.Raw($"{{\"ts\":\"{Rfc3339(ts)}\"");
        return json.Number("seq", seq);
    }

    /// <summary>One socket of a charger reading.</summary>
    public sealed record Port(int Number, string? State = null, double? V = null, double A = 0, double? W = null, double? Wh = null, double? TempC = null);

    private sealed class JsonText
    {
        private readonly StringBuilder _text = new();

        public JsonText Raw(string text)
        {
            _text.Append(text);
            return this;
        }

        public JsonText Number(string name, double? value) =>
            value is { } v ? Raw(string.Create(CultureInfo.InvariantCulture, $",\"{name}\":{v:R}")) : this;

        public JsonText Number(string name, long? value) =>
            value is { } v ? Raw(string.Create(CultureInfo.InvariantCulture, $",\"{name}\":{v}")) : this;

        public JsonText Text(string name, string? value) => value is null ? this : Raw($",\"{name}\":\"{value}\"");

        public JsonText Flag(string name, bool? value) => value is { } v ? Raw($",\"{name}\":{(v ? "true" : "false")}") : this;

        public string End() => _text.Append('}').ToString();
    }
}
