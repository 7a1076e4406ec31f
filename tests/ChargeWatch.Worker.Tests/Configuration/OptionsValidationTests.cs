using ChargeWatch.Worker.Configuration;
using ChargeWatch.Worker.Detection;
using ChargeWatch.Worker.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChargeWatch.Worker.Tests.Configuration;

public sealed class OptionsValidationTests
{
    private static ServiceProvider Build(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddChargeWatchOptions();
        return services.BuildServiceProvider();
    }

    private static string FailureOf<T>(params (string Key, string Value)[] settings)
        where T : class
    {
        using var provider = Build(settings);
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<T>>().Value);
        return string.Join("\n", error.Failures);
    }

    [Fact]
    public void MqttPort_Zero_FailsNamingKeyAndValue() =>
        Assert.Contains("ChargeWatch:Mqtt:Port must be 1..65535 (was 0)", FailureOf<MqttOptions>(("ChargeWatch:Mqtt:Port", "0")));

    [Fact]
    public void MqttReceiveMaximum_AboveProtocolLimit_FailsNamingKey() =>
        Assert.Contains("ChargeWatch:Mqtt:ReceiveMaximum must be 1..65535 (was 70000)", FailureOf<MqttOptions>(("ChargeWatch:Mqtt:ReceiveMaximum", "70000")));

    [Fact]
    public void MqttSharedGroup_WithSlash_FailsNamingKey() =>
        Assert.Contains("ChargeWatch:Mqtt:SharedGroup", FailureOf<MqttOptions>(("ChargeWatch:Mqtt:SharedGroup", "a/b")));

    [Fact]
    public void MqttSites_NotASiteName_FailsNamingKeyAndValue() =>
        Assert.Contains("ChargeWatch:Mqtt:Sites must hold site names as contract §1 has them, [a-z0-9_-]{1,64} (was 'Dongyuan/1')",
            FailureOf<MqttOptions>(("ChargeWatch:Mqtt:Sites:0", "dongyuan-2"), ("ChargeWatch:Mqtt:Sites:1", "Dongyuan/1")));

    [Fact]
    public void MqttSites_SameSiteTwice_FailsNamingKey() =>
        Assert.Contains("ChargeWatch:Mqtt:Sites names a site twice",
            FailureOf<MqttOptions>(("ChargeWatch:Mqtt:Sites:0", "dongyuan-1"), ("ChargeWatch:Mqtt:Sites:1", "dongyuan-1")));

    [Fact]
    public void MqttSites_FromConfiguration_BoundInOrder()
    {
        using var provider = Build(("ChargeWatch:Mqtt:Sites:0", "dongyuan-1"), ("ChargeWatch:Mqtt:Sites:1", "xinhua-3"));

        Assert.Equal(["dongyuan-1", "xinhua-3"], provider.GetRequiredService<IOptions<MqttOptions>>().Value.Sites);
    }

    [Fact]
    public void MqttPasswordFile_Missing_FailsNamingKey() =>
        Assert.Contains("ChargeWatch:Mqtt:PasswordFile names a file that does not exist", FailureOf<MqttOptions>(("ChargeWatch:Mqtt:PasswordFile", "/nonexistent/password")));

    [Fact]
    public void InfluxApi_Unknown_FailsNamingKey() =>
        Assert.Contains("ChargeWatch:Influx:Api must be one of v1, v2 (was 'v3')", FailureOf<InfluxOptions>(("ChargeWatch:Influx:Api", "v3")));

    [Fact]
    public void InfluxUrl_NotAbsolute_FailsNamingKey() =>
        Assert.Contains("ChargeWatch:Influx:Url must be an absolute http(s) URL (was 'localhost:8086')", FailureOf<InfluxOptions>(("ChargeWatch:Influx:Url", "localhost:8086")));

    [Fact]
    public void InfluxBatchSize_Zero_FailsNamingKey() =>
        Assert.Contains("ChargeWatch:Influx:BatchSize must be 1..1000000 (was 0)", FailureOf<InfluxOptions>(("ChargeWatch:Influx:BatchSize", "0")));

    [Fact]
    public void CountersInterval_Zero_FailsNamingKey() =>
        Assert.Contains("ChargeWatch:Counters:IntervalSeconds must be 1..86400 (was 0)", FailureOf<CountersOptions>(("ChargeWatch:Counters:IntervalSeconds", "0")));

    [Fact]
    public void SpoolMaxBytes_Tiny_FailsNamingKey() =>
        Assert.Contains("ChargeWatch:Spool:MaxBytes must be", FailureOf<SpoolOptions>(("ChargeWatch:Spool:MaxBytes", "10")));

    [Fact]
    public void WarmStartHours_OverAWeek_FailsNamingKey()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new KeyValuePair<string, string?>("ChargeWatch:WarmStart:Hours", "200")])
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddChargeWatchDetection();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<WarmStartOptions>>().Value);

        Assert.Contains("ChargeWatch:WarmStart:Hours must be 0..168 (was 200)", error.Failures);
    }

    [Fact]
    public void Defaults_AreTheContractDefaults()
    {
        using var provider = Build();
        var mqtt = provider.GetRequiredService<IOptions<MqttOptions>>().Value;
        var influx = provider.GetRequiredService<IOptions<InfluxOptions>>().Value;
        var worker = provider.GetRequiredService<IOptions<WorkerOptions>>().Value;
        Assert.Equal(("localhost", 1883), (mqtt.Host, mqtt.Port));
        Assert.Equal("chargewatch-" + Environment.MachineName, mqtt.EffectiveClientId);
        Assert.Equal((86_400L, 1000, false), (mqtt.SessionExpirySeconds, mqtt.ReceiveMaximum, mqtt.UseTls));
        Assert.Equal(("http://localhost:8086", "v2", "chargewatch"), (influx.Url, influx.Api, influx.Bucket));
        Assert.Equal((5000, 1000), (influx.BatchSize, influx.FlushIntervalMs));
        Assert.Equal("./data", worker.DataDirectory);
        Assert.Equal(Path.Combine("./data", "spool"), worker.SpoolDirectory);
        Assert.Equal(1L << 30, provider.GetRequiredService<IOptions<SpoolOptions>>().Value.MaxBytes);
        Assert.Equal(10, provider.GetRequiredService<IOptions<CountersOptions>>().Value.IntervalSeconds);
        Assert.Equal(64 * 1024, provider.GetRequiredService<IOptions<IngestOptions>>().Value.MaxPayloadBytes);
    }

    [Fact]
    public void ContractKeys_BindFromConfiguration()
    {
        using var provider = Build(
            ("ChargeWatch:Mqtt:Host", "broker"), ("ChargeWatch:Mqtt:Port", "8883"), ("ChargeWatch:Mqtt:ClientId", "cw-1"),
            ("ChargeWatch:Mqtt:Username", "u"), ("ChargeWatch:Mqtt:Password", "p"),
            ("ChargeWatch:Influx:Url", "http://db:8086"), ("ChargeWatch:Influx:Api", "v1"), ("ChargeWatch:Influx:Bucket", "b"),
            ("ChargeWatch:Influx:Org", "o"), ("ChargeWatch:Influx:Token", "t"), ("ChargeWatch:DataDirectory", "/var/lib/cw"));
        var mqtt = provider.GetRequiredService<IOptions<MqttOptions>>().Value;
        var influx = provider.GetRequiredService<IOptions<InfluxOptions>>().Value;
        Assert.Equal(("broker", 8883, "cw-1", "u", "p"), (mqtt.Host, mqtt.Port, mqtt.EffectiveClientId, mqtt.Username, mqtt.Password));
        Assert.Equal(("http://db:8086", true, "b", "o", "t"), (influx.Url, influx.IsV1, influx.Bucket, influx.Org, influx.Token));
        Assert.Equal("/var/lib/cw", provider.GetRequiredService<IOptions<WorkerOptions>>().Value.DataDirectory);
    }

    [Fact]
    public void SecretFile_FirstLineWinsOverInlineValue()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "from-file  \nsecond line\n");
            Assert.Equal("from-file", SecretFile.Resolve("inline", path));
            Assert.Equal("inline", SecretFile.Resolve("inline", null));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
