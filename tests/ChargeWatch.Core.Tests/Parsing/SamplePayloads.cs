using System.Text;
using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Parsing;
using ChargeWatch.Core.Readings;

namespace ChargeWatch.Core.Tests.Parsing;

/// <summary>Topic addresses and contract example payloads shared by the parsing tests.</summary>
internal static class SamplePayloads
{
    public const string Ts = "\"ts\":\"2026-07-08T21:30:00.000+08:00\"";
    public const long TsMs = 1783517400000;

    public static TopicAddress Address(DeviceKind kind, string device = "dev-1") =>
        new(new DeviceKey("dongyuan-1", kind, device), Channel.Telemetry);

    /// <summary>Parses a payload that must be accepted, as a reading of type <typeparamref name="T"/>.</summary>
    public static T ParseAccepted<T>(this TelemetryParser parser, DeviceKind kind, string json) where T : Reading
    {
        Assert.True(parser.TryParse(Address(kind), Encoding.UTF8.GetBytes(json), out var reading, out var error), error.ToString());
        return Assert.IsType<T>(reading);
    }

    public const string Charger = """
        {"ts":"2026-07-08T21:30:00.000+08:00","seq":1234,"shed":"shed-a","tempC":35.0,
         "ports":[{"port":1,"state":"charging","v":221.3,"a":1.12,"w":231.5,"wh":512.0,"tempC":31.5},
                  {"port":2,"state":"idle","v":221.3,"a":0.0,"w":0.0,"wh":10.2}]}
        """;

    public const string Feeder = """{"ts":"2026-07-08T21:30:00.000+08:00","seq":7,"shed":"shed-a","v":230.1,"a":12.4,"w":2710.0,"wh":81234.0,"leakMa":3.5}""";

    public const string Meter = """{"ts":"2026-07-08T21:30:00.000+08:00","seq":9,"w":412.0,"v":229.8,"a":2.61,"pf":0.62,"wh":5123.0,"role":"corridor","building":"6","unit":"6-602"}""";

    public const string Sensor = """{"ts":"2026-07-08T21:30:00.000+08:00","seq":3,"shed":"shed-b","tempC":41.5,"smoke":true}""";
}
