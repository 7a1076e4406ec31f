using ChargeWatch.Core.Points;
using ChargeWatch.Worker.Configuration;
using ChargeWatch.Worker.Storage;
using Microsoft.Extensions.Options;

namespace ChargeWatch.Worker.Counters;

/// <summary>Writes the service's counters as one <c>chargewatch</c> point (tag <c>instance</c>) every <c>Counters:IntervalSeconds</c>.</summary>
public sealed class CounterReporter(
    ServiceCounters counters,
    SideWrites sideWrites,
    IOptions<CountersOptions> options,
    IOptions<WorkerOptions> workerOptions,
    TimeProvider time) : BackgroundService
{
    private readonly LineProtocolBuffer _lines = new(4096);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.IntervalSeconds), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                sideWrites.TryWrite(Snapshot(), "counters");
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>The current counters as a one-line batch, timed now.</summary>
    public WriteBatch Snapshot()
    {
        _lines.Clear();
        _lines.BeginLine("chargewatch").Tag("instance", workerOptions.Value.Instance);
        foreach (var (field, value) in counters.Snapshot())
        {
            _lines.Field(field, value);
        }
        _lines.EndLine(time.GetUtcNow().ToUnixTimeMilliseconds());
        return new WriteBatch(_lines.ToString(), _lines.LineCount, 0);
    }
}
