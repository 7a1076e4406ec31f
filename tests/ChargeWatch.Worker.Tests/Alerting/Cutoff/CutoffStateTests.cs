using ChargeWatch.Testing;
using ChargeWatch.Worker.Cutoff;

namespace ChargeWatch.Worker.Tests.Alerting.Cutoff;

public sealed class CutoffStateTests : IDisposable
{
    private readonly string _directory = TempDirectory.Create("cutoff-state");

    private string StatePath => Path.Combine(_directory, "cutoff", "state.json");

    [Fact]
    public void Unsent_SavedButNeverConfirmed_SentAgainAfterRestart()
    {
        var alert = TestAlerts.Overcurrent();
        var state = new CutoffState(StatePath);
        state.TryAdd(alert, Record(alert));
        state.SaveIfChanged();

        var order = Assert.Single(new CutoffState(StatePath).Unsent());

        Assert.Equal(new CutoffCommand(new PortRef("dongyuan-1", "shed-a-c01", 3), Cut: true, "overcurrent", alert.Id), Assert.Single(order.Commands));
        Assert.Equal((alert.Id, alert.ChangedAt), (order.AlertId, order.At));
    }

    [Fact]
    public void Unsent_Confirmed_NothingToResend()
    {
        var alert = TestAlerts.Overcurrent();
        var state = new CutoffState(StatePath);
        state.TryAdd(alert, Record(alert));
        state.MarkSent(alert.Id);
        state.SaveIfChanged();

        var restarted = new CutoffState(StatePath);

        Assert.Empty(restarted.Unsent());
        Assert.True(restarted.TryGet(alert, out _));
    }

    [Fact]
    public void SaveIfChanged_Nothing_WritesNoFile()
    {
        new CutoffState(StatePath).SaveIfChanged();

        Assert.False(File.Exists(StatePath));
    }

    [Fact]
    public void TryAdd_SameEpisodeTwice_RefusedOnce()
    {
        var alert = TestAlerts.Overcurrent();
        var state = new CutoffState(StatePath);

        Assert.True(state.TryAdd(alert, Record(alert)));
        Assert.False(state.TryAdd(alert with { Severity = Core.Alerts.AlertSeverity.Critical }, Record(alert)));
    }

    [Fact]
    public void TryMarkResolved_KeepsWhatItCutForARestoreByHand_AcrossRestarts()
    {
        var alert = TestAlerts.Overcurrent();
        var state = new CutoffState(StatePath);
        state.TryAdd(alert, Record(alert));

        Assert.True(state.TryMarkResolved(alert.Id, out _));
        state.SaveIfChanged();
        var restarted = new CutoffState(StatePath);

        Assert.False(restarted.TryGet(alert, out _));
        Assert.Empty(restarted.Unsent());
        Assert.True(restarted.TryTakeRestored(new PortRef("dongyuan-1", "shed-a-c01", 3), out var alertId, out var record));
        Assert.Equal((alert.Id, "overcurrent"), (alertId, record.Rule));
        Assert.False(restarted.TryTakeRestored(new PortRef("dongyuan-1", "shed-a-c01", 3), out _, out _));
    }

    [Fact]
    public void TryTakeRestored_WhileTheAlertFires_KeepsTheOtherPortsAndTheEpisode()
    {
        var alert = TestAlerts.Overcurrent();
        var state = new CutoffState(StatePath);
        PortRef[] ports = [new("dongyuan-1", "shed-a-c01", 3), new("dongyuan-1", "shed-a-c01", 4)];
        state.TryAdd(alert, Record(alert) with { Ports = ports });

        Assert.True(state.TryTakeRestored(ports[0], out _, out _));

        Assert.True(state.TryGet(alert, out var left));
        Assert.Equal([ports[1]], left.Ports);
        Assert.True(state.TryMarkResolved(alert.Id, out _));
        Assert.True(state.TryTakeRestored(ports[1], out _, out _));
        Assert.False(state.TryMarkResolved(alert.Id, out _));
    }

    [Fact]
    public void TryTakeRestored_PortNeverCut_NothingOnRecord() =>
        Assert.False(new CutoffState(StatePath).TryTakeRestored(new PortRef("dongyuan-1", "shed-a-c01", 1), out _, out _));

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static CutRecord Record(Core.Alerts.AlertMessage alert) =>
        new(alert.Rule, alert.Severity, alert.StartsAt, alert.ChangedAt, [new PortRef(alert.Site, alert.DeviceId, alert.Port!.Value)]);
}
