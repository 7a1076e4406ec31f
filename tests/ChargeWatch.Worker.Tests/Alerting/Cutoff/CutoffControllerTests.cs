using ChargeWatch.Core.Alerts;
using ChargeWatch.Testing;
using ChargeWatch.Worker.Cutoff;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargeWatch.Worker.Tests.Alerting.Cutoff;

public sealed class CutoffControllerTests : IDisposable
{
    private readonly string _directory = TempDirectory.Create("cutoff-controller");
    private readonly CutoffOutbox _outbox = new();
    private readonly PortTopology _topology = new();
    private CutoffState _state = null!;

    private string StatePath => Path.Combine(_directory, "cutoff", "state.json");

    [Fact]
    public void OnAlert_SiteWithoutCutoff_SendsNothing()
    {
        var controller = Controller(new Dictionary<string, SiteCutoff> { ["other-site"] = new(Enabled: true) });

        var note = controller.OnAlert(TestAlerts.Overcurrent());

        Assert.Null(note);
        Assert.False(_outbox.Orders.TryRead(out _));
    }

    [Fact]
    public void OnAlert_CutoffExplicitlyDisabled_SendsNothing()
    {
        var controller = Controller(new Dictionary<string, SiteCutoff> { ["dongyuan-1"] = new(Enabled: false) });

        Assert.Null(controller.OnAlert(TestAlerts.Overcurrent()));
        Assert.False(_outbox.Orders.TryRead(out _));
    }

    [Fact]
    public void OnAlert_PortOvercurrent_CutsThatPortAndSaysSo()
    {
        var controller = Controller(Enabled());
        var alert = TestAlerts.Overcurrent();

        var note = controller.OnAlert(alert);

        Assert.Equal("Protective cut-off: cut sent to port 3 of shed-a-c01; it stays off until restored.", note);
        Assert.True(_outbox.Orders.TryRead(out var order));
        var command = Assert.Single(order.Commands);
        Assert.Equal(new CutoffCommand(new PortRef("dongyuan-1", "shed-a-c01", 3), Cut: true, "overcurrent", alert.Id), command);
        Assert.Equal((alert.Id, "overcurrent", AlertSeverity.Critical, alert.ChangedAt), (order.AlertId, order.Rule, order.Severity, order.At));
    }

    [Fact]
    public void OnAlert_FiringAgain_NeverCutsTwice()
    {
        var controller = Controller(Enabled());
        var alert = TestAlerts.Thermal(AlertSeverity.Critical, port: 2);
        controller.OnAlert(alert);
        _outbox.Orders.TryRead(out _);

        var note = controller.OnAlert(alert with { Value = 81.0 });

        Assert.Equal("Protective cut-off: cut sent to port 2 of shed-a-c01; it stays off until restored.", note);
        Assert.False(_outbox.Orders.TryRead(out _));
    }

    [Fact]
    public void OnAlert_AfterRestart_StillNeverCutsTwice()
    {
        var alert = TestAlerts.Overcurrent();
        Controller(Enabled()).OnAlert(alert);
        _outbox.Orders.TryRead(out _);
        _state.MarkSent(alert.Id);
        _state.SaveIfChanged();

        var restarted = Controller(Enabled(), new CutoffState(StatePath));
        restarted.OnAlert(alert);

        Assert.False(_outbox.Orders.TryRead(out _));
    }

    [Fact]
    public void OnAlert_StaleRecordOfEarlierEpisode_CutsTheNewOne()
    {
        var earlier = TestAlerts.Overcurrent();
        Controller(Enabled()).OnAlert(earlier);
        _outbox.Orders.TryRead(out _);
        _state.SaveIfChanged(); // then a crash: its resolution never reached the disk

        var restarted = Controller(Enabled(), new CutoffState(StatePath));
        restarted.OnAlert(earlier with { StartsAt = earlier.StartsAt.AddHours(2), ChangedAt = earlier.StartsAt.AddHours(2) });

        Assert.True(_outbox.Orders.TryRead(out _));
    }

    [Fact]
    public void OnAlert_WarningThenCriticalTemperature_CutsOnEscalation()
    {
        _topology.Observe(CutoffPlannerTests.Reading("shed-a-c01", "shed-a", 1, 2));
        var controller = Controller(Enabled());

        Assert.Null(controller.OnAlert(TestAlerts.Thermal(AlertSeverity.Warning)));
        Assert.False(_outbox.Orders.TryRead(out _));
        controller.OnAlert(TestAlerts.Thermal(AlertSeverity.Critical));

        Assert.True(_outbox.Orders.TryRead(out var order));
        Assert.Equal([1, 2], order.Commands.Select(c => c.Target.Port));
    }

    [Fact]
    public void OnAlert_Resolved_KeepsPortsOffWithoutAutoRestore()
    {
        var controller = Controller(Enabled());
        var alert = TestAlerts.Overcurrent();
        controller.OnAlert(alert);
        _outbox.Orders.TryRead(out _);

        controller.OnAlert(TestAlerts.Resolved(alert, TimeSpan.FromMinutes(2)));

        Assert.False(_outbox.Orders.TryRead(out _));
        Assert.False(_state.TryGet(alert, out _));
        Assert.True(_state.TryTakeRestored(new PortRef("dongyuan-1", "shed-a-c01", 3), out var cutBy, out _));
        Assert.Equal(alert.Id, cutBy);
    }

    [Fact]
    public void OnAlert_ResolvedWithAutoRestore_RestoresWhatItCut()
    {
        var controller = Controller(new Dictionary<string, SiteCutoff> { ["dongyuan-1"] = new(Enabled: true, AutoRestore: true) });
        var alert = TestAlerts.Overcurrent();
        controller.OnAlert(alert);
        _outbox.Orders.TryRead(out _);

        controller.OnAlert(TestAlerts.Resolved(alert, TimeSpan.FromMinutes(2)));

        Assert.True(_outbox.Orders.TryRead(out var order));
        Assert.Equal(new CutoffCommand(new PortRef("dongyuan-1", "shed-a-c01", 3), Cut: false), Assert.Single(order.Commands));
    }

    [Fact]
    public void OnAlert_NewEpisodeAfterResolution_CutsAgain()
    {
        var controller = Controller(Enabled());
        var alert = TestAlerts.Overcurrent();
        controller.OnAlert(alert);
        controller.OnAlert(TestAlerts.Resolved(alert, TimeSpan.FromMinutes(2)));
        _outbox.Orders.TryRead(out _);

        controller.OnAlert(alert with { StartsAt = alert.StartsAt.AddHours(1), ChangedAt = alert.StartsAt.AddHours(1) });

        Assert.True(_outbox.Orders.TryRead(out _));
    }

    [Fact]
    public void OnAlert_ShedSmokeWithNoPilesKnown_SaysNothingWasCut()
    {
        var controller = Controller(Enabled());

        var note = controller.OnAlert(TestAlerts.Smoke());

        Assert.Equal("Protective cut-off: no sockets of this shed known yet, nothing cut.", note);
        Assert.False(_outbox.Orders.TryRead(out _));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static Dictionary<string, SiteCutoff> Enabled() => new() { ["dongyuan-1"] = new(Enabled: true) };

    private CutoffController Controller(Dictionary<string, SiteCutoff> sites, CutoffState? state = null)
    {
        _state = state ?? new CutoffState(StatePath);
        return new(new CutoffSettings(sites), _topology, _state, _outbox, NullLogger<CutoffController>.Instance);
    }
}
