using System.Buffers;
using MQTTnet;
using MQTTnet.Protocol;

namespace ChargeWatch.Simulator.Mqtt;

/// <summary>
/// The simulator's one MQTT connection (MQTTnet 5): QoS 1 publishing with a bounded window of
/// unacknowledged messages, and QoS 1 subscriptions. Every call carries a timing-out token, since
/// MQTTnet skips its own timeout when given a cancellable one.
/// </summary>
public sealed class MqttLink : IAsyncDisposable
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    private readonly IMqttClient _client;
    private readonly SemaphoreSlim _window;
    private readonly List<Task> _inFlight = [];
    private Exception? _publishFailure;

    private MqttLink(IMqttClient client, int window)
    {
        _client = client;
        _window = new SemaphoreSlim(window, window);
    }

    /// <summary>Called for each received message (topic, payload); runs on MQTTnet's receive loop: keep it short.</summary>
    public event Action<string, ReadOnlySequence<byte>, bool>? Received;

    public static async Task<MqttLink> ConnectAsync(BrokerAddress broker, string clientId, int window = 256, CancellationToken cancellationToken = default)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var link = new MqttLink(client, window);
        client.ApplicationMessageReceivedAsync += e =>
        {
            link.Received?.Invoke(e.ApplicationMessage.Topic, e.ApplicationMessage.Payload, e.ApplicationMessage.Retain);
            return Task.CompletedTask;
        };
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(broker.Host, broker.Port)
            .WithClientId(clientId)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .WithCleanStart(true)
            .WithTimeout(CallTimeout)
            .Build();
        using var timeout = Timeout(cancellationToken);
        var result = await client.ConnectAsync(options, timeout.Token);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            client.Dispose();
            throw new InvalidOperationException($"Broker {broker} refused the connection: {result.ResultCode} {result.ReasonString}");
        }
        return link;
    }

    public async Task SubscribeAsync(string filter, CancellationToken cancellationToken = default)
    {
        var options = new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(f => f.WithTopic(filter).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
            .Build();
        using var timeout = Timeout(cancellationToken);
        var result = await _client.SubscribeAsync(options, timeout.Token);
        foreach (var item in result.Items)
        {
            if (item.ResultCode > MqttClientSubscribeResultCode.GrantedQoS2)
            {
                throw new InvalidOperationException($"Subscription to {filter} refused: {item.ResultCode}");
            }
        }
    }

    /// <summary>
    /// Queues a QoS 1 publish; returns once it is sent while at most the window's count of
    /// messages await their PUBACK. Messages go out in call order.
    /// </summary>
    public async Task PublishAsync(string topic, byte[] payload, bool retain = false, CancellationToken cancellationToken = default)
    {
        if (_publishFailure is { } failure)
        {
            throw new InvalidOperationException("An earlier publish failed", failure);
        }
        await _window.WaitAsync(cancellationToken);
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(retain)
            .Build();
        var task = PublishOneAsync(message);
        lock (_inFlight)
        {
            _inFlight.RemoveAll(t => t.IsCompleted);
            _inFlight.Add(task);
        }
    }

    /// <summary>Waits until every queued publish is acknowledged.</summary>
    public async Task FlushAsync()
    {
        Task[] pending;
        lock (_inFlight)
        {
            pending = [.. _inFlight];
        }
        await Task.WhenAll(pending);
        if (_publishFailure is { } failure)
        {
            throw new InvalidOperationException("A publish failed", failure);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_client.IsConnected)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), timeout.Token);
            }
        }
        catch (Exception)
        {
            // Leaving anyway: a failed goodbye changes nothing.
        }
        _client.Dispose();
        _window.Dispose();
    }

    private async Task PublishOneAsync(MqttApplicationMessage message)
    {
        try
        {
            using var timeout = new CancellationTokenSource(CallTimeout);
            var result = await _client.PublishAsync(message, timeout.Token);
            if (!result.IsSuccess && result.ReasonCode != MqttClientPublishReasonCode.NoMatchingSubscribers)
            {
                _publishFailure ??= new InvalidOperationException($"Publish to {message.Topic} failed: {result.ReasonCode}");
            }
        }
        catch (Exception e)
        {
            _publishFailure ??= e;
        }
        finally
        {
            _window.Release();
        }
    }

    private static CancellationTokenSource Timeout(CancellationToken cancellationToken)
    {
        var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(CallTimeout);
        return cts;
    }
}
