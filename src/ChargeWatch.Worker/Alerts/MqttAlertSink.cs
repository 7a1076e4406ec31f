using System.Threading.Channels;
using ChargeWatch.Core.Alerts;
using ChargeWatch.Core.Contract;
using Channel = System.Threading.Channels.Channel;
using ChargeWatch.Worker.Ingest;
using MQTTnet;
using MQTTnet.Protocol;

namespace ChargeWatch.Worker.Alerts;

/// <summary>
/// Publishes alert changes to <c>chargewatch/{site}/alerts/{rule}</c> (QoS 1, not retained, contract §6)
/// from its own queue and loop, so an alert never waits for an InfluxDB batch. While the broker is
/// away, alerts wait in the bounded queue and go out in order after the reconnect.
/// </summary>
public sealed class MqttAlertSink(MqttConnection connection, TimeProvider time, ILogger<MqttAlertSink> logger) : IAlertSink
{
    private const int Capacity = 10_000;
    private readonly Channel<AlertMessage> _queue = Channel.CreateBounded<AlertMessage>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.DropOldest });

    public ValueTask PublishAsync(AlertMessage alert, CancellationToken ct)
    {
        if (_queue.Reader.Count >= Capacity)
        {
            logger.LogWarning("MQTT alert queue full; dropping the oldest alert message");
        }
        _queue.Writer.TryWrite(alert);
        return ValueTask.CompletedTask;
    }

    /// <summary>Publishes queued alerts until <paramref name="ct"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        await foreach (var alert in _queue.Reader.ReadAllAsync(ct))
        {
            var message = new MqttApplicationMessageBuilder()
                .WithTopic(Topics.Alert(alert.Site, alert.Rule))
                .WithPayload(AlertJson.ToUtf8(alert))
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .WithRetainFlag(false)
                .WithContentType("application/json")
                .Build();
            var attempt = 0;
            while (true)
            {
                try
                {
                    if (connection.IsConnected)
                    {
                        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                        timeout.CancelAfter(TimeSpan.FromSeconds(10));
                        var result = await connection.Client.PublishAsync(message, timeout.Token);
                        if (!result.IsSuccess)
                        {
                            logger.LogWarning("Broker refused alert {AlertId}: {Reason}", alert.Id, result.ReasonCode);
                        }
                        break;
                    }
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    if (attempt == 0)
                    {
                        logger.LogWarning("Publishing alert {AlertId} failed, retrying: {Error}", alert.Id, e.Message);
                    }
                }
                attempt++;
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(1000, 50 * attempt)), time, ct);
            }
        }
    }
}
