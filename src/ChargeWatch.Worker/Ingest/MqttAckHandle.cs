using ChargeWatch.Worker.Acks;
using MQTTnet;

namespace ChargeWatch.Worker.Ingest;

/// <summary>The PUBACK of one message, sent only on the connection that received it.</summary>
internal sealed class MqttAckHandle(MqttApplicationMessageReceivedEventArgs message, int generation, MqttConnection connection) : IAckHandle
{
    public async ValueTask AcknowledgeAsync(CancellationToken ct)
    {
        if (connection.Generation != generation || !connection.IsConnected)
        {
            return; // that connection is gone; the broker redelivers the message on the next one
        }
        try
        {
            await message.AcknowledgeAsync(ct);
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            // The connection dropped while acknowledging: the broker redelivers, the point write is idempotent.
        }
    }
}
