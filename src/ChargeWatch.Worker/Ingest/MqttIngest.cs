using System.Threading.Channels;
using ChargeWatch.Worker.Acks;
using ChargeWatch.Worker.Configuration;
using ChargeWatch.Worker.Counters;
using Microsoft.Extensions.Options;
using MQTTnet;

namespace ChargeWatch.Worker.Ingest;

/// <summary>
/// Keeps the MQTT session alive and feeds received messages to the pipeline. Connects with a
/// persistent session (fixed client id, clean start off, session expiry), checks CONNACK and every
/// SUBACK, and on any loss reconnects with backoff for as long as it takes, subscribing again each
/// time. The message handler never blocks on processing: it copies the payload into a pooled
/// buffer, registers the message's ack in receive order, and hands it to a bounded channel; the
/// broker's receive maximum keeps that channel from ever growing past its bound.
/// </summary>
public sealed class MqttIngest(
    MqttConnection connection,
    IOptions<MqttOptions> mqttOptions,
    IOptions<IngestOptions> ingestOptions,
    AckSequencer acks,
    SubscriptionRecord subscriptions,
    ServiceCounters counters,
    TimeProvider time,
    ILogger<MqttIngest> logger) : IDisposable
{
    /// <summary>Logged once, after the first successful connect and subscribe; tests and scripts wait for it.</summary>
    public const string ReadyLine = "ChargeWatch ready";

    private readonly MqttOptions _options = mqttOptions.Value;
    private readonly int _maxPayloadBytes = ingestOptions.Value.MaxPayloadBytes;
    private readonly SemaphoreSlim _disconnected = new(0);
    private ChannelWriter<IncomingMessage>? _output;
    private CancellationToken _stopping;
    private volatile bool _receiving = true;
    private bool _ready;

    /// <summary>Connects, subscribes and reconnects until <paramref name="ct"/> is cancelled.</summary>
    public async Task RunAsync(ChannelWriter<IncomingMessage> output, CancellationToken ct)
    {
        _output = output;
        _stopping = ct;
        var client = connection.Client;
        client.ApplicationMessageReceivedAsync += OnMessageAsync;
        client.DisconnectedAsync += OnDisconnectedAsync;
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Connecting to MQTT broker {Broker}", connection.Describe());
        }

        var backoff = new ReconnectBackoff(
            TimeSpan.FromMilliseconds(_options.ReconnectMinDelayMs), TimeSpan.FromMilliseconds(_options.ReconnectMaxDelayMs));
        var clientOptions = connection.BuildClientOptions();
        while (!ct.IsCancellationRequested)
        {
            if (await TryConnectAndSubscribeAsync(clientOptions, backoff.Attempt, ct))
            {
                backoff.Reset();
                await WaitForDisconnectAsync(ct);
                if (ct.IsCancellationRequested)
                {
                    break;
                }
                logger.LogWarning("Lost the MQTT connection; reconnecting");
            }
            try
            {
                await Task.Delay(backoff.Next(), time, ct);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    public void Dispose() => _disconnected.Dispose();

    /// <summary>Graceful shutdown, step 1: take no more messages (the broker redelivers them later).</summary>
    public void StopReceiving() => _receiving = false;

    /// <summary>Graceful shutdown, last step: a normal DISCONNECT keeps the session (and what it holds) on the broker.</summary>
    public async Task DisconnectAsync(CancellationToken ct)
    {
        if (!connection.IsConnected)
        {
            return;
        }
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            await connection.Client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), timeout.Token);
        }
        catch (Exception e)
        {
            logger.LogDebug(e, "MQTT disconnect failed");
        }
    }

    // A persistent session keeps what it was subscribed to: filters this worker no longer wants
    // (Mqtt:Sites or Mqtt:SharedGroup changed) would go on delivering other sites' messages.
    private async Task UnsubscribeStaleAsync(IMqttClient client, bool sessionPresent, CancellationToken ct)
    {
        var wanted = connection.TopicFilters();
        var recorded = subscriptions.Previous(logger);
        if (sessionPresent)
        {
            var held = recorded ?? (_options.Sites.Length > 0 ? connection.EverySiteFilters() : []);
            var stale = held.Except(wanted, StringComparer.Ordinal).ToList();
            if (stale.Count > 0)
            {
                var builder = new MqttClientUnsubscribeOptionsBuilder();
                foreach (var filter in stale)
                {
                    builder.WithTopicFilter(filter);
                }
                await client.UnsubscribeAsync(builder.Build(), ct);
                logger.LogInformation("Unsubscribed the session from {Filters}: no longer wanted (Mqtt:Sites, Mqtt:SharedGroup)", string.Join(" and ", stale));
            }
        }
        if (recorded is null || !recorded.SequenceEqual(wanted, StringComparer.Ordinal))
        {
            subscriptions.Save([.. wanted], logger);
        }
    }

    private async Task<bool> TryConnectAndSubscribeAsync(MqttClientOptions clientOptions, int attempt, CancellationToken ct)
    {
        var client = connection.Client;
        // Always pass a token that times out: MQTTnet skips its own timeout when the token can be cancelled.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(_options.ConnectTimeoutSeconds));
        try
        {
            if (client.IsConnected)
            {
                await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), timeout.Token);
            }
            while (_disconnected.CurrentCount > 0)
            {
                await _disconnected.WaitAsync(ct);
            }
            connection.NextGeneration();
            var connect = await client.ConnectAsync(clientOptions, timeout.Token);
            if (connect.ResultCode != MqttClientConnectResultCode.Success)
            {
                LogRefused(attempt, $"connect refused: {connect.ResultCode} {connect.ReasonString}");
                return false;
            }

            var subscribe = await client.SubscribeAsync(connection.BuildSubscribeOptions(), timeout.Token);
            var refused = subscribe.Items
                .Where(item => item.ResultCode != MqttClientSubscribeResultCode.GrantedQoS1 && item.ResultCode != MqttClientSubscribeResultCode.GrantedQoS2)
                .Select(item => $"{item.TopicFilter.Topic}: {item.ResultCode}")
                .ToList();
            if (refused.Count > 0)
            {
                LogRefused(attempt, "subscription refused or downgraded: " + string.Join(", ", refused));
                await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), timeout.Token);
                return false;
            }

            await UnsubscribeStaleAsync(client, connect.IsSessionPresent, timeout.Token);
            var sessionPresent = connect.IsSessionPresent ? "yes" : "no";
            if (!_ready)
            {
                _ready = true;
                var filters = string.Join(" and ", subscribe.Items.Select(item => item.TopicFilter.Topic));
                // Tests and scripts wait for this line (Information is the configured default level).
#pragma warning disable CA1873 // once per process
                logger.LogInformation("Connected to MQTT broker (session present: {SessionPresent}), subscribed to {Filters}. " + ReadyLine,
                    sessionPresent, filters);
#pragma warning restore CA1873
            }
            else if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Reconnected to MQTT broker (session present: {SessionPresent}) and subscribed again", sessionPresent);
            }
            return true;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            LogRefused(attempt, e.Message);
            return false;
        }
    }

    // The first failures are worth a warning; a broker away for hours should not fill the log.
    private void LogRefused(int attempt, string reason)
    {
        if (attempt < 3 || attempt % 20 == 0)
        {
            logger.LogWarning("MQTT connection attempt {Attempt} failed: {Reason}", attempt + 1, reason);
        }
    }

    private async Task WaitForDisconnectAsync(CancellationToken ct)
    {
        try
        {
            while (connection.IsConnected)
            {
                // The event is the signal; the periodic check covers a disconnect raised before we waited.
                using var poll = CancellationTokenSource.CreateLinkedTokenSource(ct);
                poll.CancelAfter(TimeSpan.FromSeconds(5));
                try
                {
                    await _disconnected.WaitAsync(poll.Token);
                    return;
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private Task OnDisconnectedAsync(MqttClientDisconnectedEventArgs e)
    {
        if (e.ClientWasConnected)
        {
            _disconnected.Release();
        }
        return Task.CompletedTask;
    }

    private async Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        e.AutoAcknowledge = false;
        if (!_receiving || _output is null)
        {
            return; // shutting down: no ack, so the broker keeps it for the next start
        }
        counters.MessageReceived();
        var number = acks.Register(new MqttAckHandle(e, connection.Generation, connection));
        var message = IncomingMessage.Copy(e.ApplicationMessage.Topic, e.ApplicationMessage.Payload, _maxPayloadBytes, number, time.GetUtcNow());
        if (!_output.TryWrite(message))
        {
            try
            {
                await _output.WriteAsync(message, _stopping);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException)
            {
                message.Release();
            }
        }
    }
}
