using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Parsing;
using ChargeWatch.Core.Readings;
using ChargeWatch.Simulator.Running;

namespace ChargeWatch.Simulator.Tests.Running;

public class LoadGeneratorTests
{
    [Fact]
    public void Next_RoundRobin_GivesValidPileReadingsWithRisingSeq()
    {
        var generator = new LoadGenerator("load-1", piles: 3, ports: 12);
        var parser = new TelemetryParser();
        var now = new DateTimeOffset(2026, 7, 8, 20, 0, 0, TimeSpan.FromHours(8));

        var readings = Enumerable.Range(0, 7).Select(i =>
        {
            var (topic, payload) = generator.Next(i, now.AddSeconds(i));
            Assert.True(TopicParser.TryParseUncached(topic, out var address));
            Assert.True(parser.TryParse(address, payload, out var reading, out var error), error.ToString());
            return (ChargerReading)reading;
        }).ToList();

        Assert.Equal(["load-00000", "load-00001", "load-00002", "load-00000"], readings.Take(4).Select(r => r.DeviceId));
        Assert.Equal([1L, 1, 1, 2, 2, 2, 3], readings.Select(r => r.Seq!.Value));
        Assert.All(readings, r => Assert.Equal(12, r.Ports.Count));
        Assert.All(readings.SelectMany(r => r.Ports), p => Assert.InRange(p.Amps, 0, 4));
    }
}
