using System.Buffers;

namespace ChargeWatch.Worker.Ingest;

/// <summary>
/// A received message on its way from the MQTT handler to the pipeline: the topic, a copy of the
/// payload in a pooled buffer (null when the payload was too large to read), and its receive number
/// for the ack sequencer. The pipeline returns the buffer with <see cref="Release"/>.
/// </summary>
public readonly record struct IncomingMessage(string Topic, byte[]? Buffer, int Length, long AckNumber, DateTimeOffset ReceivedAt)
{
    public ReadOnlySpan<byte> Payload => Buffer is null ? default : Buffer.AsSpan(0, Length);

    public bool WasTooLarge => Buffer is null && Length > 0;

    public static IncomingMessage Copy(string topic, ReadOnlySequence<byte> payload, int maxPayloadBytes, long ackNumber, DateTimeOffset receivedAt)
    {
        if (payload.Length > maxPayloadBytes)
        {
            return new IncomingMessage(topic, null, (int)Math.Min(payload.Length, int.MaxValue), ackNumber, receivedAt);
        }
        var length = (int)payload.Length;
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
        payload.CopyTo(buffer);
        return new IncomingMessage(topic, buffer, length, ackNumber, receivedAt);
    }

    public void Release()
    {
        if (Buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(Buffer);
        }
    }
}
