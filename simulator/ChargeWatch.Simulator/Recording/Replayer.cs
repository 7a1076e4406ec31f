using ChargeWatch.Simulator.Mqtt;
using ChargeWatch.Simulator.Running;

namespace ChargeWatch.Simulator.Recording;

/// <summary>
/// Publishes a recording in its order, paced by arrival times at the pacer's speed. Payloads go out
/// byte for byte unless a shift moves their <c>ts</c>. Recorded alerts are left out unless asked
/// for: the worker under test makes its own.
/// </summary>
public static class Replayer
{
    public static async Task<long> ReplayAsync(
        IEnumerable<RecordLine> lines, MqttLink link, Pacer pacer, ProgressReporter? progress,
        TimeSpan shift, bool includeAlerts, CancellationToken cancellationToken)
    {
        DateTimeOffset? origin = null;
        DateTimeOffset? last = null;
        long sent = 0;
        foreach (var line in lines)
        {
            if (!includeAlerts && line.Topic.Contains("/alerts/", StringComparison.Ordinal))
            {
                continue;
            }
            origin ??= line.Arrival;
            await pacer.WaitForAsync((line.Arrival - origin.Value).TotalSeconds, cancellationToken);
            var payload = line.PayloadBytes();
            if (shift != TimeSpan.Zero && line.EventTime is not null)
            {
                payload = TimestampShifter.Shift(payload, shift);
            }
            await link.PublishAsync(line.Topic, payload, line.Retain, cancellationToken);
            sent++;
            last = (line.EventTime ?? line.Arrival) + shift;
            progress?.Sent1(last.Value);
        }
        await link.FlushAsync();
        progress?.Done(last);
        return sent;
    }

    /// <summary>The shift that moves the recording's first event time to <paramref name="now"/>.</summary>
    public static TimeSpan ShiftToNow(IEnumerable<RecordLine> lines, DateTimeOffset now) =>
        lines.FirstOrDefault(l => l.EventTime is not null)?.EventTime is { } first ? now - first : TimeSpan.Zero;
}
