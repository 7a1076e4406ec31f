using ChargeWatch.Worker.Configuration;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace ChargeWatch.Worker.Cutoff;

/// <summary>
/// The cut-off's own broker connection (client id <c>{ClientId}-cutoff</c>, clean start): separate
/// from ingest so a command never waits behind the telemetry back-pressure, and usable alone by the
/// <c>restore</c> command line. Publishes commands at QoS 1 and reports the broker's answer.
/// </summary>
public sealed class CutoffMqttClient : IDisposable
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);

    private readonly IMqttClient _client;
    private readonly MqttClientOptions _options;

    public CutoffMqttClient(MqttOptions mqtt, string clientIdSuffix)
    {
        _client = new MqttClientFactory().CreateMqttClient();
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(mqtt.Host, mqtt.Port)
            .WithClientId(mqtt.EffectiveClientId + clientIdSuffix)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(true)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(mqtt.KeepAliveSeconds))
            .WithTimeout(TimeSpan.FromSeconds(mqtt.ConnectTimeoutSeconds));
        var password = SecretFile.Resolve(mqtt.Password, mqtt.PasswordFile);
        if (!string.IsNullOrEmpty(mqtt.Username))
        {
            builder = builder.WithCredentials(mqtt.Username, password);
        }
        if (mqtt.UseTls)
        {
            builder = builder.WithTlsOptions(tls => tls.UseTls());
        }
        _options = builder.Build();
    }

    public bool IsConnected => _client.IsConnected;

    public IMqttClient Client => _client;

    public async Task ConnectAsync(CancellationToken ct)
    {
        using var timeout = Timeout(ct);
        var result = await _client.ConnectAsync(_options, timeout.Token).ConfigureAwait(false);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new InvalidOperationException($"Broker refused the cut-off connection: {result.ResultCode} {result.ReasonString}");
        }
    }

    /// <summary>Subscribes at QoS 0; <paramref name="noLocal"/>: not to this connection's own publishes.</summary>
    public async Task SubscribeAsync(IEnumerable<string> topicFilters, bool noLocal, CancellationToken ct)
    {
        var builder = new MqttClientSubscribeOptionsBuilder();
        foreach (var filter in topicFilters)
        {
            builder = builder.WithTopicFilter(f => f.WithTopic(filter).WithAtMostOnceQoS().WithNoLocal(noLocal));
        }
        using var timeout = Timeout(ct);
        var result = await _client.SubscribeAsync(builder.Build(), timeout.Token).ConfigureAwait(false);
        var refused = result.Items.Where(i => (int)i.ResultCode > (int)MqttClientSubscribeResultCode.GrantedQoS2).ToList();
        if (refused.Count > 0)
        {
            throw new InvalidOperationException(
                "Broker refused cut-off subscriptions: " + string.Join(", ", refused.Select(i => $"{i.TopicFilter.Topic} {i.ResultCode}")));
        }
    }

    /// <summary>Publishes one command at QoS 1; the broker's PUBACK reason is the result.</summary>
    public async Task<MqttClientPublishResult> PublishAsync(CutoffCommand command, CancellationToken ct)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(command.Topic)
            .WithPayload(command.ToUtf8())
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(false)
            .Build();
        using var timeout = Timeout(ct);
        return await _client.PublishAsync(message, timeout.Token).ConfigureAwait(false);
    }

    public async Task DisconnectAsync()
    {
        if (_client.IsConnected)
        {
            using var timeout = new CancellationTokenSource(CallTimeout);
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), timeout.Token).ConfigureAwait(false);
        }
    }

    public void Dispose() => _client.Dispose();

    // MQTTnet skips its own timeout when the token can be cancelled: always give one that expires.
    private static CancellationTokenSource Timeout(CancellationToken ct)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(ct);
        source.CancelAfter(CallTimeout);
        return source;
    }
}
