using System.Buffers;
using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Parsing;
using ChargeWatch.Simulator.Mqtt;

namespace ChargeWatch.Simulator.Recording;

/// <summary>Writes every message a link receives, with its arrival time and (for valid telemetry) its event time.</summary>
public sealed class Recorder(RecordWriter writer, TimeProvider time)
{
    private readonly TelemetryParser _parser = new();
    private readonly Lock _lock = new();

    public long Count => writer.Count;

    public event Action<long>? Recorded;

    public void Attach(MqttLink link) => link.Received += OnReceived;

    private void OnReceived(string topic, ReadOnlySequence<byte> payload, bool retain)
    {
        long count;
        lock (_lock)
        {
            DateTimeOffset? eventTime = null;
            if (TopicParser.TryParseUncached(topic, out var address) && address.Channel == Channel.Telemetry
                && _parser.TryParse(address, payload, out var reading, out _))
            {
                eventTime = reading.Timestamp;
            }
            writer.Write(RecordLine.Create(time.GetLocalNow(), eventTime, topic, payload.ToArray(), retain));
            count = writer.Count;
        }
        Recorded?.Invoke(count);
    }
}
