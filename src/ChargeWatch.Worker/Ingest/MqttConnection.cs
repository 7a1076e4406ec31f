using ChargeWatch.Core.Contract;
using ChargeWatch.Worker.Configuration;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace ChargeWatch.Worker.Ingest;

/// <summary>
/// The worker's one MQTT client and its connection generation. The generation changes on every
/// (re)connect so that an acknowledgement owed to an earlier connection is never sent on a later
/// one, where its packet id may name a different message; the broker redelivers those anyway.
/// </summary>
public sealed class MqttConnection : IDisposable
{
    private readonly MqttOptions _options;
    private int _generation;

    public MqttConnection(IOptions<MqttOptions> options)
    {
        _options = options.Value;
        Client = new MqttClientFactory().CreateMqttClient();
    }

    public IMqttClient Client { get; }

    public int Generation => Volatile.Read(ref _generation);

    public bool IsConnected => Client.IsConnected;

    public int NextGeneration() => Interlocked.Increment(ref _generation);

    public MqttClientOptions BuildClientOptions()
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(_options.Host, _options.Port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId(_options.EffectiveClientId)
            .WithCleanStart(false)
            .WithSessionExpiryInterval((uint)_options.SessionExpirySeconds)
            .WithReceiveMaximum((ushort)_options.ReceiveMaximum)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(_options.KeepAliveSeconds))
            .WithTimeout(TimeSpan.FromSeconds(_options.ConnectTimeoutSeconds));
        var password = SecretFile.Resolve(_options.Password, _options.PasswordFile);
        if (!string.IsNullOrEmpty(_options.Username))
        {
            builder = builder.WithCredentials(_options.Username, password);
        }
        if (_options.UseTls)
        {
            builder = builder.WithTlsOptions(tls => tls.UseTls(true).WithTargetHost(_options.Host));
        }
        var options = builder.Build();
        if (options.ChannelOptions is MqttClientTcpOptions tcp)
        {
            // MQTTnet sets SO_RCVBUF to this before connecting (8 KB by default), which turns TCP window
            // scaling off: the broker then trickles its backlog through a ~13 KB window, at times tens of
            // messages per second (docs/performance.md). Room for the whole receive maximum avoids that;
            // Linux caps the value at net.core.rmem_max.
            tcp.BufferSize = Math.Max(tcp.BufferSize, SocketBufferBytes);
        }
        return options;
    }

    /// <summary>Socket buffer size asked for: a receive maximum's worth of ~1 KB telemetry messages and more.</summary>
    public const int SocketBufferBytes = 4 << 20;

    /// <summary>The topic filters this worker subscribes to: every site's devices, or those of <c>Mqtt:Sites</c>.</summary>
    public IReadOnlyList<string> TopicFilters()
    {
        var prefix = SharedPrefix();
        return _options.Sites.Length == 0
            ? [prefix + Topics.TelemetryFilter, prefix + Topics.StatusFilter]
            : [.. _options.Sites.SelectMany(site => new[] { prefix + Topics.TelemetryFilterOf(site), prefix + Topics.StatusFilterOf(site) })];
    }

    /// <summary>
    /// Filters a session of this client id may hold from before <c>Mqtt:Sites</c> was set, when no
    /// record says what it held: every site's, plain and in the current shared group.
    /// </summary>
    public IReadOnlyList<string> EverySiteFilters() =>
        [.. new[] { string.Empty, SharedPrefix() }.Distinct().SelectMany(prefix => new[] { prefix + Topics.TelemetryFilter, prefix + Topics.StatusFilter })];

    public MqttClientSubscribeOptions BuildSubscribeOptions()
    {
        var builder = new MqttClientSubscribeOptionsBuilder();
        foreach (var filter in TopicFilters())
        {
            builder.WithTopicFilter(filter, MqttQualityOfServiceLevel.AtLeastOnce);
        }
        return builder.Build();
    }

    private string SharedPrefix() => string.IsNullOrEmpty(_options.SharedGroup) ? string.Empty : $"$share/{_options.SharedGroup}/";

    /// <summary>Where it connects, for the start log line; never the password.</summary>
    public string Describe() =>
        $"mqtt{(_options.UseTls ? "s" : string.Empty)}://{_options.Host}:{_options.Port} as client '{_options.EffectiveClientId}'"
        + (string.IsNullOrEmpty(_options.Username) ? string.Empty : $" user '{_options.Username}'")
        + (string.IsNullOrEmpty(_options.SharedGroup) ? string.Empty : $" shared group '{_options.SharedGroup}'")
        + (_options.Sites.Length == 0 ? string.Empty : $" sites {string.Join(", ", _options.Sites)}")
        + $", session expiry {_options.SessionExpirySeconds} s, receive maximum {_options.ReceiveMaximum}";

    public void Dispose() => Client.Dispose();
}
