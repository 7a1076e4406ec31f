using System.Diagnostics;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace ChargeWatch.LoadTest;

/// <summary>
/// QoS 1 publisher on its own MQTT connection with a window of unacknowledged publishes, so the
/// rate is not bound by one round trip per message. A publish counts only once the broker's PUBACK
/// says success: those, and only those, must end up in InfluxDB.
/// </summary>
internal sealed class RatePublisher : IAsyncDisposable
{
    private readonly IMqttClient _client;
    private readonly SemaphoreSlim _window;
    private readonly int _windowSize;
    private long _acknowledged;
    private long _failed;

    private RatePublisher(IMqttClient client, int window)
    {
        _client = client;
        _windowSize = window;
        _window = new SemaphoreSlim(window, window);
    }

    public long Acknowledged => Interlocked.Read(ref _acknowledged);

    public long Failed => Interlocked.Read(ref _failed);

    public static async Task<RatePublisher> ConnectAsync(string host, int port, string clientId, int window, CancellationToken ct)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(host, port)
            .WithClientId(clientId)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(true)
            .WithTimeout(TimeSpan.FromSeconds(30))
            .Build();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        var result = await client.ConnectAsync(options, timeout.Token);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            client.Dispose();
            throw new InvalidOperationException($"publisher connect refused: {result.ResultCode}");
        }
        return new RatePublisher(client, window);
    }

    /// <summary>Starts one publish once the window has room; the returned task ends when it may be reused, not at the PUBACK.</summary>
    public async Task PublishAsync(string topic, byte[] payload, Action<long>? acknowledgedAt = null, CancellationToken ct = default)
    {
        await _window.WaitAsync(ct);
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        _ = CompleteAsync(message, acknowledgedAt);
    }

    /// <summary>Waits until every publish started so far has its PUBACK (or failed).</summary>
    public async Task FlushAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (_window.CurrentCount < _windowSize)
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"{_windowSize - _window.CurrentCount} publishes still unacknowledged after {timeout}");
            }
            await Task.Delay(10);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _client.DisconnectAsync(new MqttClientDisconnectOptions(), timeout.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or MQTTnet.Exceptions.MqttCommunicationException)
            {
            }
        }
        _client.Dispose();
        _window.Dispose();
    }

    private async Task CompleteAsync(MqttApplicationMessage message, Action<long>? acknowledgedAt)
    {
        try
        {
            // MQTTnet skips its own timeout when the token can be cancelled: give it one that times out.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var result = await _client.PublishAsync(message, timeout.Token);
            if (result.IsSuccess)
            {
                Interlocked.Increment(ref _acknowledged);
                acknowledgedAt?.Invoke(Stopwatch.GetTimestamp());
            }
            else
            {
                Interlocked.Increment(ref _failed);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Interlocked.Increment(ref _failed);
        }
        finally
        {
            _window.Release();
        }
    }
}
