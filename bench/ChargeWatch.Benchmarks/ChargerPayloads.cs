using System.Globalization;
using System.Text;

namespace ChargeWatch.Benchmarks;

/// <summary>
/// Contract charger payloads of the size the targets name: 10 ports. The amps are sums with binary
/// noise (1.12 + port / 100.0 gives 1.1300000000000001), which makes the message 995 bytes, not about 700.
/// </summary>
internal static class ChargerPayloads
{
    public static byte[] TenPorts(int seq)
    {
        var json = new StringBuilder(800);
        json.Append(CultureInfo.InvariantCulture, $"{{\"ts\":\"2026-07-08T21:30:{seq % 60:00}.000+08:00\",\"seq\":{seq},\"shed\":\"shed-a\",\"tempC\":35.2,\"ports\":[");
        for (var port = 1; port <= 10; port++)
        {
            if (port > 1)
            {
                json.Append(',');
            }
            var charging = port % 3 != 0;
            json.Append(CultureInfo.InvariantCulture,
                $"{{\"port\":{port},\"state\":\"{(charging ? "charging" : "idle")}\",\"v\":221.3,\"a\":{(charging ? 1.12 + port / 100.0 : 0.0)},\"w\":{(charging ? 231.5 + port : 0.0)},\"wh\":{512.25 * port},\"tempC\":31.5}}");
        }
        json.Append("]}");
        return Encoding.UTF8.GetBytes(json.ToString());
    }
}
