using System.Diagnostics;

namespace ChargeWatch.Testing;

/// <summary>
/// Publishes two-port charger readings of one site at a steady rate until stopped, each with a new
/// <c>seq</c> and event time, retrying every reading until the broker acknowledges it (reconnecting
/// through broker restarts). So <see cref="Published"/> readings, and no other, must end up stored:
/// <see cref="Published"/> points in <c>charger</c> and twice as many in <c>port</c>.
/// </summary>
public sealed class TelemetryStream(MqttTestClient client, string site, int messagesPerSecond, int chargers = 5)
{
    private long _published;
    private long _publishRetries;

    /// <summary>The first reading's event time; reading n is 100 ms × n later.</summary>
    public DateTimeOffset FirstEventTime { get; init; } = new(2026, 7, 8, 21, 30, 0, TimeSpan.FromHours(8));

    public long Published => Interlocked.Read(ref _published);

    /// <summary>Publishes that failed and were retried (broker away).</summary>
    public long PublishRetries => Interlocked.Read(ref _publishRetries);

    public string Site => site;

    /// <summary>Runs until <paramref name="stop"/> is cancelled; the reading in flight is finished first.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        var clock = Stopwatch.StartNew();
        var interval = TimeSpan.FromSeconds(1.0 / messagesPerSecond);
        for (long seq = 1; !stop.IsCancellationRequested; seq++)
        {
            var ts = FirstEventTime.AddMilliseconds(100 * seq);
            var topic = ContractPayloads.Topic(site, "charger", $"c{seq % chargers:00}");
            var payload = ContractPayloads.StreamCharger(ts, seq);
            await PublishUntilAcknowledgedAsync(topic, payload);
            Interlocked.Increment(ref _published);
            var due = interval * seq - clock.Elapsed;
            if (due > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(due, stop);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task PublishUntilAcknowledgedAsync(string topic, string payload)
    {
        while (true)
        {
            try
            {
                await client.ReconnectAsync();
                await client.PublishAsync(topic, payload);
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The broker is away (restart test): keep the reading and try again.
                Interlocked.Increment(ref _publishRetries);
                await Task.Delay(200);
            }
        }
    }
}
