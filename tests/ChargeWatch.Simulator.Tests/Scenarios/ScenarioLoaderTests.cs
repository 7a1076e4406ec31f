using ChargeWatch.Simulator.Scenarios;

namespace ChargeWatch.Simulator.Tests.Scenarios;

public class ScenarioLoaderTests
{
    [Fact]
    public void Parse_UnknownEventTypeAndDevice_NamesFileLineAndProblem()
    {
        const string yaml = """
            name: broken
            sheds:
              - { id: shed-a, piles: 1, ports: 10 }
            events:
              - { type: overcurrent, at: "20:00", duration: 1m, device: shed-a-c01, port: 3, amps: 9 }
              - { type: meteor-strike, at: "20:10", device: shed-a-c01 }
              - { type: smoke, at: "20:20", duration: 1m, device: shed-z-s1 }
            expect:
              - { rule: overcurrent.slow, device: shed-a-c01, from: "20:00", to: "20:05" }
            """;

        var (scenario, errors) = ScenarioLoader.Parse(yaml, "broken.yaml");

        Assert.Null(scenario);
        Assert.Collection(errors,
            e => Assert.Equal(("broken.yaml", 6), (e.File, e.Line)),
            e => Assert.Equal(7, e.Line),
            e => Assert.Equal(9, e.Line));
        Assert.Contains("meteor-strike", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("shed-z-s1", errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("overcurrent.slow", errors[2].Message, StringComparison.Ordinal);
        Assert.StartsWith("broken.yaml:6: events[1].type", errors[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_YamlSyntaxError_ReportsItsLine()
    {
        var (_, errors) = ScenarioLoader.Parse("name: x\nsheds:\n  - { id: a, piles: [1\n", "bad.yaml");

        var error = Assert.Single(errors);
        Assert.Equal("bad.yaml", error.File);
        Assert.True(error.Line >= 3, error.ToString());
    }

    [Fact]
    public void Parse_EventOnWrongKindOfDevice_IsRejected()
    {
        const string yaml = """
            name: wrong-kind
            sheds:
              - { id: shed-a, piles: 1, ports: 10 }
            events:
              - { type: leakage, at: "+1h", duration: 5m, device: shed-a-c01, milliamps: 30 }
            """;

        var (_, errors) = ScenarioLoader.Parse(yaml, "w.yaml");

        Assert.Contains(errors, e => e.Line == 5 && e.Message.Contains("applies to a feeder", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("20:30", 3.5 * 3600)]
    [InlineData("03:00", 10 * 3600)]
    [InlineData("+1h30m", 1.5 * 3600)]
    [InlineData("17:00", 0)]
    public void TryParseAt_LocalTimeOrOffset_CountsFromTheStart(string text, double seconds)
    {
        var start = new DateTimeOffset(2026, 7, 8, 17, 0, 0, TimeSpan.FromHours(8));

        Assert.True(TimeText.TryParseAt(text, start, out var offset));

        Assert.Equal(TimeSpan.FromSeconds(seconds), offset);
    }

    [Fact]
    public void Parse_RepeatedSheds_ExpandToNumberedCopies()
    {
        var (scenario, errors) = ScenarioLoader.Parse("name: r\nsheds:\n  - { id: s, count: 3, piles: 2, ports: 10 }\n", "r.yaml");

        Assert.Empty(errors);
        Assert.Contains("s-03-c02", scenario!.DeviceKinds.Keys);
        Assert.Contains("s-01-feeder", scenario.DeviceKinds.Keys);
    }

    [Fact]
    public void Parse_PfKindDisplacement_MetersReportCosPhi()
    {
        const string yaml = """
            name: cos-phi
            buildings:
              - { id: "6", households: 2, pfShare: 1.0, pfKind: displacement }
              - { id: "7", households: 2, pfShare: 1.0 }
            """;

        var (scenario, errors) = ScenarioLoader.Parse(yaml, "c.yaml");

        Assert.Empty(errors);
        var engine = new ChargeWatch.Simulator.Simulation.ScenarioEngine(scenario!);
        Assert.All(engine.Households, h => Assert.Equal(h.Device.StartsWith("b6-", StringComparison.Ordinal), h.Options.Meter.ReportsDisplacementPowerFactor));
    }

    [Fact]
    public void Parse_UnknownPfKind_IsRejected()
    {
        var (_, errors) = ScenarioLoader.Parse("name: k\nbuildings:\n  - { id: \"6\", households: 2, pfKind: cosphi }\n", "k.yaml");

        Assert.Contains(errors, e => e.Message.Contains("'cosphi' is not true or displacement", StringComparison.Ordinal));
    }
}
