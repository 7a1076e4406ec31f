using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace ChargeWatch.LoadTest;

/// <summary>
/// Publish→alert latency: remembers when each trip reading was handed to the publisher and when
/// its <c>overcurrent.instant</c> firing message arrived on <c>chargewatch/{site}/alerts/#</c>.
/// </summary>
internal sealed class AlertLatencyProbe : IAsyncDisposable
{
    private const string Rule = "overcurrent.instant";

    private readonly IMqttClient _client;
    private readonly ConcurrentDictionary<string, long> _published = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _received = new(StringComparer.Ordinal);
    private long _duplicates;

    private AlertLatencyProbe(IMqttClient client) => _client = client;

    public int Published => _published.Count;

    public int Received => _received.Count;

    /// <summary>Firing messages for a device that had already alerted (must stay 0: no duplicate firing).</summary>
    public long Duplicates => Interlocked.Read(ref _duplicates);

    public static async Task<AlertLatencyProbe> StartAsync(string host, int port, string site, CancellationToken ct)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var probe = new AlertLatencyProbe(client);
        client.ApplicationMessageReceivedAsync += e =>
        {
            probe.OnAlert(e.ApplicationMessage.Topic, e.ApplicationMessage.Payload, Stopwatch.GetTimestamp());
            return Task.CompletedTask;
        };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        await client.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer(host, port)
            .WithClientId($"cw-load-alerts-{Environment.ProcessId}")
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(true)
            .Build(), timeout.Token);
        var subscribe = await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter($"chargewatch/{site}/alerts/#", MqttQualityOfServiceLevel.AtLeastOnce)
            .Build(), timeout.Token);
        if (subscribe.Items.Any(i => i.ResultCode > MqttClientSubscribeResultCode.GrantedQoS2))
        {
            throw new InvalidOperationException("alert subscription refused");
        }
        return probe;
    }

    public void MarkPublished(string device, long timestamp) => _published[device] = timestamp;

    /// <summary>Latencies in milliseconds of every trip whose alert arrived, in publish order.</summary>
    public double[] LatenciesMs() =>
        [.. _received.Where(r => _published.ContainsKey(r.Key))
            .OrderBy(r => _published[r.Key])
            .Select(r => Stopwatch.GetElapsedTime(_published[r.Key], r.Value).TotalMilliseconds)];

    public async Task WaitForAllAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (Received < Published && clock.Elapsed < timeout)
        {
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _client.DisconnectAsync(new MqttClientDisconnectOptions(), timeout.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or MQTTnet.Exceptions.MqttCommunicationException)
        {
        }
        _client.Dispose();
    }

    private void OnAlert(string topic, ReadOnlySequence<byte> payload, long at)
    {
        if (!topic.EndsWith("/" + Rule, StringComparison.Ordinal))
        {
            return;
        }
        using var json = JsonDocument.Parse(payload);
        var root = json.RootElement;
        if (root.GetProperty("status").GetString() != "firing")
        {
            return;
        }
        var device = root.GetProperty("device").GetString()!;
        if (!_received.TryAdd(device, at))
        {
            Interlocked.Increment(ref _duplicates);
        }
    }
}
