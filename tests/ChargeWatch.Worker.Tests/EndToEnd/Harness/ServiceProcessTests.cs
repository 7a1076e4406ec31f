using ChargeWatch.Testing;

namespace ChargeWatch.Worker.Tests.EndToEnd.Harness;

/// <summary>What the fault tests rely on: failures that say why, restarts that keep state.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class ServiceProcessTests(EndToEndServices services)
{
    [Fact]
    public void Find_MissingBinary_ThrowsNamingThePackage()
    {
        var error = Assert.Throws<ServiceBinaryNotFoundException>(() => ServiceBinary.Find("no-such-broker-binary", "no-such-package"));

        Assert.Equal("no-such-broker-binary not found: apt-get install no-such-package", error.Message);
    }

    [Fact]
    public async Task StartAsync_ServiceExitsAtStart_ThrowsWithItsOutputAndLeavesNothingRunning()
    {
        await using var broker = new MosquittoProcess();
        broker.ExtraConfigLines.Add("this_is_not_a_mosquitto_option 1");

        var error = await Assert.ThrowsAsync<ServiceStartException>(() => broker.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("mosquitto", error.Message, StringComparison.Ordinal);
        Assert.Contains("this_is_not_a_mosquitto_option", error.Message, StringComparison.Ordinal);
        Assert.False(broker.IsRunning);
    }

    [Fact]
    public async Task StartAsync_NeverReady_TimesOutAndKillsTheProcess()
    {
        await using var never = new NeverReadyProcess { StartTimeout = TimeSpan.FromSeconds(1) };

        var error = await Assert.ThrowsAsync<ServiceStartException>(() => never.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("not ready within", error.Message, StringComparison.Ordinal);
        Assert.False(never.IsRunning);
        Assert.NotNull(never.ExitCode);
    }

    [Fact]
    public async Task MosquittoRestart_PersistentSession_QueuedMessagesDelivered()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var broker = await MosquittoProcess.StartNewAsync(ct);
        var client = new MQTTnet.MqttClientFactory().CreateMqttClient();
        var options = new MQTTnet.MqttClientOptionsBuilder().WithTcpServer(broker.Host, broker.Port).WithClientId("persistent-1")
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500).WithCleanStart(false).WithSessionExpiryInterval(600).Build();
        var received = new List<string>();
        client.ApplicationMessageReceivedAsync += e =>
        {
            lock (received)
            {
                received.Add(e.ApplicationMessage.Topic);
            }
            return Task.CompletedTask;
        };
        await client.ConnectAsync(options, ct);
        await client.SubscribeAsync(new MQTTnet.MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter("q/#", MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce).Build(), ct);
        await client.DisconnectAsync(new MQTTnet.MqttClientDisconnectOptions(), ct);
        await using (var publisher = await MqttTestClient.ConnectAsync(broker, cancellationToken: ct))
        {
            await publisher.PublishAsync("q/1", "one", cancellationToken: ct);
            await publisher.PublishAsync("q/2", "two", cancellationToken: ct);
        }

        await broker.StopAsync(ct);
        await broker.StartAsync(ct);
        await client.ConnectAsync(options, ct);
        await Eventually.UntilAsync(() => Task.FromResult(received.Count), n => n >= 2, TimeSpan.FromSeconds(10), "queued messages redelivered", cancellationToken: ct);
        client.Dispose();

        Assert.Equal(["q/1", "q/2"], received);
        Assert.NotNull(services.Broker);
    }
}

/// <summary>A process that runs but never answers: <c>sleep</c>.</summary>
internal sealed class NeverReadyProcess() : ServiceProcess("never-ready")
{
    protected override System.Diagnostics.ProcessStartInfo CreateStartInfo() => new("sleep", "600");

    protected override Task WaitUntilReadyAsync(CancellationToken cancellationToken) => Task.Delay(Timeout.Infinite, cancellationToken);
}
