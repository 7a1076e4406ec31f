using System.Globalization;
using System.Text;
using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Parsing;
using ChargeWatch.Core.Readings;
using static ChargeWatch.Core.Tests.Parsing.SamplePayloads;

namespace ChargeWatch.Core.Tests.Parsing;

/// <summary>
/// The fast path may only ever accept what the general path accepts, with the very same reading;
/// everything else it must decline, leaving the verdict to the general path.
/// </summary>
public class PlainChargerReaderTests
{
    private static readonly DeviceKey Device = Address(DeviceKind.Charger).Device;

    private const string TenPorts =
        """{"ts":"2026-07-08T21:30:34.000+08:00","seq":1234,"shed":"shed-a","tempC":35.2,"ports":[""" +
        """{"port":1,"state":"charging","v":221.3,"a":1.1300000000000001,"w":232.5,"wh":512.25,"tempC":31.5},""" +
        """{"port":2,"state":"idle","v":-0.0,"a":0,"w":0,"wh":1536.75,"tempC":-31.5},""" +
        """{"port":3,"state":"full","v":221.3,"a":1.2000000000000002,"w":239.5,"wh":4098,"tempC":31.5},""" +
        """{"port":10,"state":"fault","a":0.5},{"port":64,"state":"off","a":1000,"v":-1000,"w":1000000,"wh":1000000000000}]}""";

    private readonly TelemetryParser _general = new() { UsePlainChargerPath = false };

    private static bool TryFast(string json, out ChargerReading? reading) => TryFast(Encoding.UTF8.GetBytes(json), out reading);

    private static bool TryFast(byte[] payload, out ChargerReading? reading) =>
        new PlainChargerReader(new StringPool(16)).TryRead(payload, Device, out reading);

    [Theory]
    [InlineData(Charger)]
    [InlineData(TenPorts)]
    [InlineData("{\"ts\":1783517400000,\"ports\":[]}")]
    [InlineData(" \r\n\t{ \"ports\" : [ { \"a\" : 0.5 , \"port\" : 3 } ] ,\n\"ts\" :\t1783517400000 } \n")]
    public void TryRead_PlainChargerPayload_GivesTheGeneralPathsReading(string json)
    {
        Assert.True(TryFast(json, out var fast));
        Assert.True(_general.TryParse(Address(DeviceKind.Charger), Encoding.UTF8.GetBytes(json), out var general, out var error), error.ToString());

        Assert.Equal(Describe(general), Describe(fast));
    }

    [Theory]
    [InlineData("{\"ts\":1783517400000,\"ports\":[],\"fw\":\"1.2\"}")]
    [InlineData("{\"ts\":1783517400000,\"ports\":[],\"shed\":null}")]
    [InlineData("{\"ts\":1783517400000,\"ports\":[],\"tempC\":3e1}")]
    [InlineData("{\"ts\":1783517400000,\"ports\":[],\"shed\":\"sh\\u0065d\"}")]
    [InlineData("{\"ts\":1783517400000,\"ports\":[],\"shed\":\"六\"}")]
    [InlineData("{\"\\u0074s\":1783517400000,\"ports\":[]}")]
    [InlineData("{\"ts\":1783517400000,\"ports\":[],\"ports\":[]}")]
    [InlineData("{\"ts\":1783517400000,\"ports\":[{\"port\":1,\"a\":1},{\"port\":1,\"a\":1}]}")]
    [InlineData("{\"ts\":1783517400000,\"ports\":[{\"port\":1.0,\"a\":1}]}")]
    [InlineData("{\"ts\":1783517400000,\"ports\":[{\"port\":1,\"a\":-1}]}")]
    [InlineData("{\"ts\":1783517400000,\"ports\":[{\"port\":1,\"a\":01}]}")]
    [InlineData("{\"ts\":1783517400000,\"ports\":[{\"port\":1,\"a\":1,\"state\":\"burning\"}]}")]
    [InlineData("{\"ts\":1783517400000,\"ports\":[{\"port\":1}]}")]
    [InlineData("{\"ts\":1783517400000,\"ports\":[1]}")]
    [InlineData("{\"ts\":\"2026-07-08T21:30:00\",\"ports\":[]}")]
    [InlineData("{\"ts\":1783517400000,\"ports\":[]} x")]
    [InlineData("{\"ts\":1783517400000,\"ports\":[],}")]
    [InlineData("\uFEFF{\"ts\":1783517400000,\"ports\":[]}")]
    [InlineData("{\"ports\":[]}")]
    [InlineData("{\"ts\":1783517400000}")]
    public void TryRead_AnythingButThePlainValidShape_IsDeclined(string json) =>
        Assert.False(TryFast(json, out _));

    [Fact]
    public void TryRead_MutatedPayloads_NeverAcceptWhatTheGeneralPathRejectsOrReadsDifferently()
    {
        var random = new Random(20261127);
        byte[] alphabet = [.. "{}[]\",:.-+019eE\\nultas \t\n/"u8, 0x80, 0xC3, 0x01, 0x7F];
        byte[][] seeds = [Encoding.UTF8.GetBytes(Charger), Encoding.UTF8.GetBytes(TenPorts)];
        var fastAccepts = 0;
        const int Cases = 30_000;
        for (var i = 0; i < Cases; i++)
        {
            var payload = new List<byte>(seeds[i % seeds.Length]);
            for (var edits = random.Next(1, 3); edits > 0 && payload.Count > 0; edits--)
            {
                var at = random.Next(payload.Count);
                switch (random.Next(4))
                {
                    case 0: payload.RemoveAt(at); break;
                    case 1: payload.Insert(at, alphabet[random.Next(alphabet.Length)]); break;
                    case 2: payload[at] = alphabet[random.Next(alphabet.Length)]; break;
                    default:
                        var length = Math.Min(random.Next(1, 40), payload.Count - at);
                        payload.InsertRange(random.Next(payload.Count), payload.GetRange(at, length));
                        break;
                }
            }
            var bytes = payload.ToArray();
            if (!TryFast(bytes, out var fast))
            {
                continue;
            }
            fastAccepts++;
            Assert.True(_general.TryParse(Address(DeviceKind.Charger), bytes, out var general, out var error),
                $"fast path accepted what the general path rejects ({error}): {Encoding.UTF8.GetString(bytes)}");
            Assert.Equal(Describe(general), Describe(fast));
        }

        // The comparison means something only if the fast path accepted a fair share of the variants.
        Assert.InRange(fastAccepts, Cases / 20, Cases);
    }

    [Fact]
    public void TryParse_SameShedThroughEitherPath_IsTheSamePooledString()
    {
        var parser = new TelemetryParser();
        Assert.True(parser.TryParse(Address(DeviceKind.Charger), Encoding.UTF8.GetBytes(Charger), out var fast, out _));
        Assert.True(parser.TryParse(Address(DeviceKind.Charger), Encoding.UTF8.GetBytes(Charger.Replace("\"seq\":1234", "\"seq\":null", StringComparison.Ordinal)), out var general, out _));

        Assert.Same(((ChargerReading)fast).Shed, ((ChargerReading)general).Shed);
    }

    /// <summary>Every value of a charger reading, doubles by their bits so that -0.0 and 0.0 differ.</summary>
    private static string Describe(Reading? reading)
    {
        var charger = Assert.IsType<ChargerReading>(reading);
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"{charger.Device} {charger.Timestamp:O} {charger.Seq} {charger.Shed} {Bits(charger.CabinetTempC)}");
        foreach (var port in charger.Ports)
        {
            text.Append(CultureInfo.InvariantCulture,
                $" [{port.Port} {Bits(port.Amps)} {port.State} {Bits(port.Volts)} {Bits(port.Watts)} {Bits(port.WattHours)} {Bits(port.TempC)}]");
        }
        return text.ToString();
    }

    private static string Bits(double? value) => value is { } v ? BitConverter.DoubleToInt64Bits(v).ToString("X", CultureInfo.InvariantCulture) : "-";
}
