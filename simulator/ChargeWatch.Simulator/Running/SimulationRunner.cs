using ChargeWatch.Simulator.Simulation;

namespace ChargeWatch.Simulator.Running;

/// <summary>Sends a scenario's messages in order at the pacer's speed, reporting progress and injected events.</summary>
public static class SimulationRunner
{
    public static async Task<long> RunAsync(
        ScenarioEngine engine, Func<SimMessage, Task> publish, Pacer pacer, ProgressReporter progress, CancellationToken cancellationToken)
    {
        var events = engine.Scenario.Events.OrderBy(e => e.At).ToList();
        var nextEvent = 0;
        DateTimeOffset? last = null;
        foreach (var message in engine.Messages())
        {
            cancellationToken.ThrowIfCancellationRequested();
            await pacer.WaitForAsync(message.Seconds, cancellationToken);
            while (nextEvent < events.Count && events[nextEvent].At.TotalSeconds <= message.Seconds)
            {
                var e = events[nextEvent++];
                var port = e.Port is { } p ? $" port {p}" : "";
                progress.Event(engine.Scenario.Local(engine.Scenario.Start + e.At), $"{e.Type} on {e.Device}{port}");
            }
            await publish(message);
            progress.Sent1(message.EventTime);
            last = message.EventTime;
        }
        progress.Done(last);
        return progress.Sent;
    }
}
