using System.Globalization;

namespace ChargeWatch.Simulator.Mqtt;

/// <summary><c>host:port</c> of an MQTT broker (port 1883 when left out).</summary>
public readonly record struct BrokerAddress(string Host, int Port)
{
    public static BrokerAddress Parse(string text)
    {
        var colon = text.LastIndexOf(':');
        return colon > 0 && int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            ? new BrokerAddress(text[..colon], port)
            : new BrokerAddress(text, 1883);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Host}:{Port}");
}
