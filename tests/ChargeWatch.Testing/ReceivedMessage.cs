using System.Text;

namespace ChargeWatch.Testing;

/// <summary>An MQTT message as a test sees it.</summary>
public sealed record ReceivedMessage(string Topic, byte[] PayloadBytes, bool Retain, DateTimeOffset ReceivedAt)
{
    public string Payload => Encoding.UTF8.GetString(PayloadBytes);
}
