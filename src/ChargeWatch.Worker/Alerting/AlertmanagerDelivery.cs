namespace ChargeWatch.Worker.Alerting;

/// <summary>
/// Moves alert changes from the sink into every Alertmanager's disk queue, runs one delivery loop
/// per Alertmanager and asks them to re-post the firing alerts every
/// <see cref="AlertmanagerOptions.RepostIntervalSeconds"/> (wall time, via <see cref="TimeProvider"/>).
/// </summary>
public sealed class AlertmanagerDelivery(
    AlertmanagerSink sink,
    IReadOnlyList<AlertmanagerTarget> targets,
    AlertmanagerOptions options,
    TimeProvider time,
    ILogger<AlertmanagerDelivery> logger) : BackgroundService
{
    public IReadOnlyList<AlertmanagerTarget> Targets => targets;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (targets.Count == 0)
        {
            return; // sink off: the alerting sink hands nothing over
        }
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Alerts go to Alertmanager at {Urls}", string.Join(", ", targets.Select(t => t.Url)));
        }
        var loops = targets.Select(target => Task.Run(() => target.RunAsync(stoppingToken), stoppingToken)).ToList();
        loops.Add(RepostAsync(stoppingToken));
        try
        {
            while (await sink.Changes.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                while (sink.Changes.TryRead(out var change))
                {
                    Fan(change);
                }
                sink.Active.SaveIfChanged();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            // What the sink accepted before the stop reaches the disk queues, to be sent after the restart.
            while (sink.Changes.TryRead(out var change))
            {
                Fan(change);
            }
            sink.Active.SaveIfChanged();
        }
        try
        {
            await Task.WhenAll(loops).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void Fan(IReadOnlyList<AlertmanagerAlert> change)
    {
        foreach (var target in targets)
        {
            try
            {
                target.Enqueue(change);
            }
            catch (IOException ex)
            {
                logger.LogError(ex, "Could not queue an alert change for Alertmanager {Url}", target.Url);
            }
        }
    }

    private async Task RepostAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.RepostIntervalSeconds), time);
        while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false))
        {
            if (sink.Active.Count == 0)
            {
                continue;
            }
            foreach (var target in targets)
            {
                target.RequestRepost();
            }
        }
    }
}
