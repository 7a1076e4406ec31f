using ChargeWatch.Testing;
using System.Text.Json;

namespace ChargeWatch.Worker.Tests.Alerting.EndToEnd;

/// <summary>
/// A charging pile played by the test: it reports its three ports every second of event time
/// (published quickly, so a minute of event time takes seconds), draws <see cref="OverloadAmps"/>
/// on port 3 while that port is on, and obeys contract §3 commands as a real pile would:
/// <c>cut</c> → the port reports <c>off</c> with 0 A, <c>restore</c> → it charges again.
/// </summary>
internal sealed class ObedientCharger(MqttTestClient client, string site, string device)
{
    public const int OverloadedPort = 3;
    public const double OverloadAmps = 10.0;

    private readonly HashSet<int> _off = [];
    private int _commandsSeen;
    private long _seq;

    public static readonly DateTimeOffset Start = new(2026, 7, 8, 21, 30, 0, TimeSpan.FromHours(8));

    public DateTimeOffset Now { get; private set; } = Start;

    public string CommandTopic => $"chargewatch/{site}/charger/{device}/cmd";

    public IReadOnlyList<JsonElement> Commands =>
        [.. client.Messages.Where(m => m.Topic == CommandTopic).Select(m => JsonDocument.Parse(m.Payload).RootElement.Clone())];

    public bool IsOff(int port) => _off.Contains(port);

    public static async Task<ObedientCharger> ConnectAsync(MosquittoProcess broker, string site, string device)
    {
        var client = await MqttTestClient.ConnectAsync(broker, cancellationToken: TestContext.Current.CancellationToken);
        var charger = new ObedientCharger(client, site, device);
        await client.SubscribeAsync(charger.CommandTopic, TestContext.Current.CancellationToken);
        return charger;
    }

    /// <summary>Reports <paramref name="seconds"/> readings, one per event-time second, obeying commands in between.</summary>
    public async Task RunAsync(int seconds, TimeSpan pace)
    {
        for (var i = 0; i < seconds; i++)
        {
            Obey();
            Now = Now.AddSeconds(1);
            var payload = ContractPayloads.Charger(Now, ++_seq,
            [
                new ContractPayloads.Port(1, "idle", V: 221, A: 0, W: 0),
                new ContractPayloads.Port(2, "charging", V: 221, A: 1.1, W: 240),
                IsOff(OverloadedPort)
                    ? new ContractPayloads.Port(OverloadedPort, "off", V: 221, A: 0, W: 0)
                    : new ContractPayloads.Port(OverloadedPort, "charging", V: 221, A: OverloadAmps, W: 2210),
            ], shed: "shed-a", tempC: 31);
            await client.PublishAsync(ContractPayloads.Topic(site, "charger", device), payload, cancellationToken: TestContext.Current.CancellationToken);
            await Task.Delay(pace, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Reports until <paramref name="done"/> holds (checked after each reading), at most <paramref name="limit"/> readings.</summary>
    public async Task RunUntilAsync(Func<bool> done, int limit, TimeSpan pace)
    {
        for (var i = 0; i < limit && !done(); i++)
        {
            await RunAsync(1, pace);
        }
        Assert.True(done(), $"condition not met within {limit} readings of event time");
    }

    private void Obey()
    {
        var commands = Commands;
        foreach (var command in commands.Skip(_commandsSeen))
        {
            var port = command.GetProperty("port").GetInt32();
            if (command.GetProperty("cmd").GetString() == "cut")
            {
                _off.Add(port);
            }
            else
            {
                _off.Remove(port);
            }
        }
        _commandsSeen = commands.Count;
    }
}
