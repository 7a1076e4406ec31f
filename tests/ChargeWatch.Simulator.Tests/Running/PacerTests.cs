using ChargeWatch.Simulator.Running;
using Microsoft.Extensions.Time.Testing;
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
        // The fake clock moves only when told, so the test says exactly when the wait ends.
        var time = new FakeTimeProvider();
        var pacer = new Pacer(600, time);
        await pacer.WaitForAsync(0, TestContext.Current.CancellationToken);

        var wait = pacer.WaitForAsync(300, TestContext.Current.CancellationToken).AsTask();
        time.Advance(TimeSpan.FromMilliseconds(490));
        Assert.False(wait.IsCompleted, "300 event seconds at 600x end after 0.5 wall seconds, not 0.49");
        time.Advance(TimeSpan.FromMilliseconds(20));

        await wait.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task WaitForAsync_EventTimeAlreadyDue_DoesNotWait()
    {
        var time = new FakeTimeProvider();
        var pacer = new Pacer(600, time);
        await pacer.WaitForAsync(0, TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromSeconds(1));

        var wait = pacer.WaitForAsync(300, TestContext.Current.CancellationToken).AsTask();

        Assert.True(wait.IsCompleted);
        await wait;
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
