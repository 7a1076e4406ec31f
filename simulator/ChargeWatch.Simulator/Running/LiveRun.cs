using ChargeWatch.Core.Contract;
using ChargeWatch.Simulator.Mqtt;
using ChargeWatch.Simulator.Recording;
using ChargeWatch.Simulator.Simulation;

namespace ChargeWatch.Simulator.Running;

/// <summary>
/// A scenario published to a broker with the loop closed: the site's charger <c>cmd</c> topics are
/// subscribed before the first message, and each cut/restore switches the port for the readings
/// that follow.
/// </summary>
public static class LiveRun
{
    public static async Task<long> RunAsync(
        ScenarioEngine engine, MqttLink? link, RecordWriter? recorder, Pacer pacer, ProgressReporter progress, CancellationToken cancellationToken)
    {
        if (link is not null)
        {
            link.Received += (topic, payload, _) =>
            {
                if (PortCommand.TryParse(topic, payload, out var command) && engine.ApplyCommand(command.Charger, command.Port, command.Cut))
                {
                    progress.Line($"command: {(command.Cut ? "cut" : "restore")} {command.Charger} port {command.Port}");
                }
            };
            await link.SubscribeAsync($"{Topics.Root}/{engine.Scenario.Site}/charger/+/cmd", cancellationToken);
        }
        var sent = await SimulationRunner.RunAsync(engine, async message =>
        {
            recorder?.Write(message.EventTime, message);
            if (link is not null)
            {
                await link.PublishAsync(message.Topic, message.Payload, message.Retain, cancellationToken);
            }
        }, pacer, progress, cancellationToken);
        if (link is not null)
        {
            await link.FlushAsync();
        }
        return sent;
    }
}
