using ChargeWatch.Testing;

namespace ChargeWatch.Deploy.Tests.Mosquitto;

/// <summary>The broker configuration of the compose stack, run by a real Mosquitto 2.</summary>
public sealed class MosquittoConfigTests
{
    [Fact]
    public void DeployedConfig_Adapted_ChangesOnlyPortPersistenceAndUser()
    {
        var original = RepositoryRoot.ReadAllText(DeployedMosquitto.ConfigFile);

        var adapted = DeployedMosquitto.Adapt(original, 41883, "/tmp/x");

        var removed = original.Split('\n').Except(adapted.Split('\n')).ToList();
        Assert.Equal(["listener 1883", "persistence_location /mosquitto/data/"], removed);
        Assert.Contains("listener 41883 127.0.0.1", adapted, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeployedConfig_RealMosquitto_AcceptsItAndRelaysQos1Messages()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var broker = new DeployedMosquitto();
        await broker.StartAsync(cancellationToken);
        await using var subscriber = await MqttTestClient.ConnectAsync(broker.Port, cancellationToken: cancellationToken);
        await using var publisher = await MqttTestClient.ConnectAsync(broker.Port, cancellationToken: cancellationToken);
        await subscriber.SubscribeAsync("chargewatch/+/charger/+/telemetry", cancellationToken);

        await publisher.PublishAsync("chargewatch/dongyuan-1/charger/shed-a-c01/telemetry",
            """{"ts":1783517400000,"ports":[{"port":1,"a":1.1}]}""", cancellationToken: cancellationToken);

        var message = await subscriber.WaitForMessageAsync(
            m => m.Topic == "chargewatch/dongyuan-1/charger/shed-a-c01/telemetry", TimeSpan.FromSeconds(10), cancellationToken);
        Assert.Contains("\"a\":1.1", message.Payload, StringComparison.Ordinal);
        Assert.True(broker.IsRunning);
        Assert.DoesNotContain(broker.OutputLines, line => line.Contains("Error", StringComparison.OrdinalIgnoreCase));
    }
}
