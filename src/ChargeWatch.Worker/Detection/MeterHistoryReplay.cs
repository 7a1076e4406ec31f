using ChargeWatch.Worker.Pipeline;
using ChargeWatch.Worker.Storage;
using Microsoft.Extensions.Options;

namespace ChargeWatch.Worker.Detection;

/// <summary>
/// The warm start: the meters' last hours from InfluxDB, up to the newest reading stored (event
/// time, as everywhere in detection), replayed to the shards that own them before live data. The
/// engines learn as they would have live; the alerts the replay changes go out as net changes
/// (<see cref="Core.Detection.ReplayedAlerts"/>). InfluxDB unreachable or refusing the query
/// delays nothing: the detectors then start without history, as they did before.
/// </summary>
public sealed class MeterHistoryReplay(InfluxMeterHistory history, IOptions<WarmStartOptions> options, ILogger<MeterHistoryReplay> logger) : IWarmStart
{
    public async Task RunAsync(ShardSet shards, CancellationToken ct)
    {
        var hours = options.Value.Hours;
        if (hours <= 0)
        {
            return;
        }
        var router = new ShardRouter(shards.Count);
        var replayed = 0L;
        var elapsed = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            if (await history.NewestAsync(ct) is not { } newest)
            {
                logger.LogInformation("Warm start: no meter readings stored yet");
                return;
            }
            await foreach (var reading in history.ReadAsync(newest.AddHours(-hours), newest, ct))
            {
                await shards.PostAsync(router.ShardOf(reading.Device), ShardWork.ForHistory(reading), ct);
                replayed++;
            }
            logger.LogInformation("Warm start: replayed {Readings} meter readings of the {Hours} h up to {Newest:O} in {Seconds:F1} s",
                replayed, hours, newest, elapsed.Elapsed.TotalSeconds);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "Warm start cut short after {Readings} meter readings: the rest of the detectors' history is not replayed", replayed);
        }
        finally
        {
            await shards.BroadcastAsync(ShardWork.EndOfHistory, ct);
        }
    }
}
