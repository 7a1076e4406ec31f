using ChargeWatch.Core.Alerts;
using ChargeWatch.Worker.Detection;
using Microsoft.Extensions.Logging.Abstractions;
using static ChargeWatch.Worker.Tests.Alerts.AlertStateFileJournalTests;

namespace ChargeWatch.Worker.Tests.Alerts;

/// <summary>Shards applying changes at once: one write serves many of them, and none is lost or reordered.</summary>
public sealed class AlertStateFileConcurrencyTests : IDisposable
{
    private const int Shards = 8;
    private const int AlertsPerShard = 150;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cw-alert-shards-" + Guid.NewGuid().ToString("N")[..8]);

    private AlertStateFile Open() => new(_directory, NullLogger<AlertStateFile>.Instance);

    [Fact]
    public async Task Apply_ManyShardsAtOnce_EveryChangeIsRestoredInOrderWithFewerWritesThanChanges()
    {
        var state = Open();
        using var start = new Barrier(Shards);
        var applies = 0;

        // Each shard fires its own alerts and resolves every even one right after firing it: a
        // resolve that overtook its firing would leave the alert active after a restart.
        var shards = Enumerable.Range(0, Shards).Select(shard => Task.Factory.StartNew(() =>
        {
            start.SignalAndWait(TestContext.Current.CancellationToken);
            for (var i = 0; i < AlertsPerShard; i++)
            {
                var charger = (shard * 1000) + i;
                state.Apply([Firing(charger)]);
                Interlocked.Increment(ref applies);
                if (i % 2 == 0)
                {
                    state.Apply([Resolved(charger)]);
                    Interlocked.Increment(ref applies);
                }
            }
        }, TestContext.Current.CancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default));
        await Task.WhenAll(shards);

        var expected = Enumerable.Range(0, Shards)
            .SelectMany(shard => Enumerable.Range(0, AlertsPerShard).Where(i => i % 2 == 1).Select(i => Firing((shard * 1000) + i).Id))
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, Open().Restored.Select(a => a.Id).Order(StringComparer.Ordinal));
        Assert.All(Open().Restored, a => Assert.Equal(AlertStatus.Firing, a.Status));
        Assert.InRange(state.Writes, 1, applies - 1);
    }

    [Fact]
    public void Apply_NoChanges_WritesNothing()
    {
        var state = Open();

        state.Apply([]);
        state.Apply([Firing(1)], from: 1);

        Assert.Equal(0, state.Writes);
        Assert.False(Directory.Exists(Path.Combine(_directory, "alerts")));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
