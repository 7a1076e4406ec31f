using System.Text;
using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Parsing;
using ChargeWatch.Simulator.Scenarios;
using ChargeWatch.Simulator.Simulation;

namespace ChargeWatch.Simulator.Tests.Scenarios;

public class ShippedScenarioTests
{
    // Enough to cover every device several times; the whole of `city` is a million messages.
    private const int MessagesChecked = 30_000;

    public static TheoryData<string> Names() =>
        new(System.IO.Directory.EnumerateFiles(TestScenarios.Directory, "*.yaml").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!);

    [Fact]
    public void Directory_HoldsTheScenariosTheIssueAsksFor()
    {
        var names = Names().Select(row => (string)row.Data).ToHashSet();

        foreach (var required in new[] { "demo", "quiet-night", "city" })
        {
            Assert.Contains(required, names);
        }
        // One per contract rule.
        foreach (var rule in EventTypes.Rules)
        {
            Assert.Contains("rule-" + rule.Replace('.', '-'), names);
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Load_ShippedScenario_ValidatesAndStatesExpectedAlerts(string name)
    {
        var scenario = TestScenarios.Shipped(name);

        Assert.Equal(name, scenario.Name);
        if (name != "quiet-night")
        {
            Assert.NotEmpty(scenario.Expected);
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Messages_ShippedScenario_AreContractPayloadsExceptTheInjectedMalformedOnes(string name)
    {
        var scenario = TestScenarios.Shipped(name);
        var parser = new TelemetryParser();
        var topics = new TopicParser();
        var rejected = new List<string>();
        var count = 0;
        double lastSeconds = 0;
        foreach (var message in new ScenarioEngine(scenario).Messages().Take(MessagesChecked))
        {
            count++;
            lastSeconds = message.Seconds;
            Assert.True(topics.TryParse(message.Topic, out var address), message.Topic);
            Assert.Equal(scenario.Site, address.Site);
            var ok = address.Channel == Channel.Status
                ? StatusParser.TryParse(message.Payload, out _, out _)
                : parser.TryParse(address, message.Payload, out _, out _);
            if (!ok)
            {
                rejected.Add(Encoding.UTF8.GetString(message.Payload));
            }
        }
        Assert.True(count > 100, $"only {count} messages");
        var malformed = scenario.Events.Where(e => e.Type == EventTypes.Malformed && e.At.TotalSeconds <= lastSeconds).Sum(e => e.Spec.Count ?? 4);
        Assert.True(malformed == rejected.Count, $"{rejected.Count} rejected, {malformed} injected: {string.Join(" | ", rejected.Take(5))}");
    }
}
