using System.Buffers;
using System.Diagnostics;
using System.Text;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace ChargeWatch.Testing;

/// <summary>
/// A small MQTT 5 client for tests: QoS 1 publishes that fail loudly unless the broker acknowledged
/// them, QoS 1 subscriptions, and every received message collected for assertions.
/// </summary>
public sealed class MqttTestClient : IAsyncDisposable
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);

    private readonly IMqttClient _client;
    private readonly MqttClientOptions _options;
    private readonly Lock _messagesLock = new();
    private readonly List<ReceivedMessage> _messages = [];
    private readonly List<string> _subscriptions = [];

    private MqttTestClient(string host, int port, string clientId)
    {
        ClientId = clientId;
        _client = new MqttClientFactory().CreateMqttClient();
        _options = new MqttClientOptionsBuilder()
            .WithTcpServer(host, port)
            .WithClientId(clientId)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(true)
            .WithTimeout(CallTimeout)
            .Build();
        _client.ApplicationMessageReceivedAsync += e =>
        {
            var message = e.ApplicationMessage;
            lock (_messagesLock)
            {
                _messages.Add(new ReceivedMessage(message.Topic, message.Payload.ToArray(), message.Retain, DateTimeOffset.UtcNow));
            }
            return Task.CompletedTask;
        };
    }

    public string ClientId { get; }

    public bool IsConnected => _client.IsConnected;

    public IReadOnlyList<ReceivedMessage> Messages
    {
        get
        {
            lock (_messagesLock)
            {
                return [.. _messages];
            }
        }
    }

    public static async Task<MqttTestClient> ConnectAsync(int port, string? clientId = null, string host = "127.0.0.1", CancellationToken cancellationToken = default)
    {
        var client = new MqttTestClient(host, port, clientId ?? $"test-{Guid.NewGuid():N}");
        try
        {
            await client.ConnectCoreAsync(cancellationToken);
            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    public static Task<MqttTestClient> ConnectAsync(MosquittoProcess broker, string? clientId = null, CancellationToken cancellationToken = default) =>
        ConnectAsync(broker.Port, clientId, broker.Host, cancellationToken);

    /// <summary>Connects again after the broker went away, and renews the subscriptions (clean start).</summary>
    public async Task ReconnectAsync(CancellationToken cancellationToken = default)
    {
        if (_client.IsConnected)
        {
            return;
        }
        await ConnectCoreAsync(cancellationToken);
        foreach (var filter in _subscriptions)
        {
            await SubscribeCoreAsync(filter, cancellationToken);
        }
    }

    public Task PublishAsync(string topic, string payload, bool retain = false, CancellationToken cancellationToken = default) =>
        PublishAsync(topic, Encoding.UTF8.GetBytes(payload), retain, cancellationToken);

    /// <summary>Publishes with QoS 1; throws unless the broker answered PUBACK with success.</summary>
    public async Task PublishAsync(string topic, byte[] payload, bool retain = false, CancellationToken cancellationToken = default)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(retain)
            .Build();
        using var timeout = Timeout(cancellationToken);
        var result = await _client.PublishAsync(message, timeout.Token);
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"Publish to {topic} failed: {result.ReasonCode} {result.ReasonString}");
        }
    }

    /// <summary>Subscribes with QoS 1; throws unless the broker granted it.</summary>
    public async Task SubscribeAsync(string topicFilter, CancellationToken cancellationToken = default)
    {
        await SubscribeCoreAsync(topicFilter, cancellationToken);
        _subscriptions.Add(topicFilter);
    }

    /// <summary>Waits until at least <paramref name="count"/> received messages match; returns them.</summary>
    public async Task<IReadOnlyList<ReceivedMessage>> WaitForMessagesAsync(
        Func<ReceivedMessage, bool> match, int count, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var elapsed = Stopwatch.StartNew();
        while (true)
        {
            var matching = Messages.Where(match).ToList();
            if (matching.Count >= count)
            {
                return matching;
            }
            if (elapsed.Elapsed > timeout)
            {
                throw new TimeoutException($"{ClientId} saw {matching.Count} of {count} expected messages within {timeout}.");
            }
            await Task.Delay(20, cancellationToken);
        }
    }

    public async Task<ReceivedMessage> WaitForMessageAsync(Func<ReceivedMessage, bool> match, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        (await WaitForMessagesAsync(match, 1, timeout, cancellationToken))[0];

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _client.DisconnectAsync(new MqttClientDisconnectOptions(), timeout.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or MQTTnet.Exceptions.MqttCommunicationException)
            {
            }
        }
        _client.Dispose();
    }

    private async Task ConnectCoreAsync(CancellationToken cancellationToken)
    {
        using var timeout = Timeout(cancellationToken);
        var result = await _client.ConnectAsync(_options, timeout.Token);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new InvalidOperationException($"MQTT connect of {ClientId} refused: {result.ResultCode} {result.ReasonString}");
        }
    }

    private async Task SubscribeCoreAsync(string topicFilter, CancellationToken cancellationToken)
    {
        var options = new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(filter => filter.WithTopic(topicFilter).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
            .Build();
        using var timeout = Timeout(cancellationToken);
        var result = await _client.SubscribeAsync(options, timeout.Token);
        foreach (var item in result.Items)
        {
            if (item.ResultCode > MqttClientSubscribeResultCode.GrantedQoS2)
            {
                throw new InvalidOperationException($"Subscription to {topicFilter} refused: {item.ResultCode}");
            }
        }
    }

    private static CancellationTokenSource Timeout(CancellationToken cancellationToken)
    {
        // MQTTnet skips its own timeout when the token can be cancelled: always give it one that does.
        var source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        source.CancelAfter(CallTimeout);
        return source;
    }
}
