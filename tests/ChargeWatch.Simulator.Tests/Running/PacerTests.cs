using ChargeWatch.Simulator.Running;
using ChargeWatch.Simulator.Simulation;

namespace ChargeWatch.Simulator.Tests.Running;

public class PacerTests
{
    [Fact]
    public async Task RunAsync_AnySpeed_PublishesIdenticalPayloads()
    {
        // 10 simulated minutes at 600× last one wall second; at max speed no time at all.
        var scenario = TestScenarios.Small(duration: "10m");
        var paced = await Collect(scenario, "600");
        var fastest = await Collect(scenario, "max");

        Assert.Equal(paced.Count, fastest.Count);
        Assert.Equal(paced.Select(m => (m.Topic, Convert.ToBase64String(m.Payload))), fastest.Select(m => (m.Topic, Convert.ToBase64String(m.Payload))));
    }

    [Fact]
    public async Task WaitForAsync_Speed_HoldsEventTimeToWallTime()
    {
        var pacer = new Pacer(600, TimeProvider.System);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await pacer.WaitForAsync(0, TestContext.Current.CancellationToken);
        await pacer.WaitForAsync(300, TestContext.Current.CancellationToken);

        Assert.InRange(clock.Elapsed.TotalSeconds, 0.45, 2.0);
    }

    [Theory]
    [InlineData("max", 0)]
    [InlineData("1", 1)]
    [InlineData("60x", 60)]
    [InlineData("2.5", 2.5)]
    public void ParseSpeed_Text_GivesFactor(string text, double speed) => Assert.Equal(speed, Pacer.ParseSpeed(text));

    private static async Task<List<SimMessage>> Collect(ChargeWatch.Simulator.Scenarios.Scenario scenario, string speed)
    {
        var sent = new List<SimMessage>();
        var progress = new ProgressReporter(TimeProvider.System, TextWriter.Null, interactive: false);
        await SimulationRunner.RunAsync(new ScenarioEngine(scenario), m => { sent.Add(m); return Task.CompletedTask; },
            new Pacer(Pacer.ParseSpeed(speed), TimeProvider.System), progress, TestContext.Current.CancellationToken);
        return sent;
    }
}
