using ChargeWatch.Core.Alerts;
using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Readings;
using ChargeWatch.Worker.Cutoff;

namespace ChargeWatch.Worker.Tests.Alerting.Cutoff;

public sealed class CutoffPlannerTests
{
    [Fact]
    public void ScopeFor_PortOvercurrent_ThatPort() =>
        Assert.Equal(CutoffScope.Port, CutoffPlanner.ScopeFor(TestAlerts.Overcurrent()));

    [Fact]
    public void ScopeFor_InstantOvercurrent_ThatPort() =>
        Assert.Equal(CutoffScope.Port, CutoffPlanner.ScopeFor(TestAlerts.Overcurrent() with { Rule = "overcurrent.instant" }));

    [Fact]
    public void ScopeFor_PileTotalOvercurrent_WholePile() =>
        Assert.Equal(CutoffScope.Pile, CutoffPlanner.ScopeFor(TestAlerts.Overcurrent() with { Port = null }));

    [Fact]
    public void ScopeFor_FeederOvercurrent_WholeShed() =>
        Assert.Equal(CutoffScope.Shed, CutoffPlanner.ScopeFor(TestAlerts.Overcurrent() with
        {
            Port = null,
            Device = new DeviceKey("dongyuan-1", DeviceKind.Feeder, "shed-a-f"),
        }));

    [Fact]
    public void ScopeFor_CriticalCabinetTemperature_WholePile() =>
        Assert.Equal(CutoffScope.Pile, CutoffPlanner.ScopeFor(TestAlerts.Thermal(AlertSeverity.Critical)));

    [Fact]
    public void ScopeFor_CriticalPortTemperature_ThatPort() =>
        Assert.Equal(CutoffScope.Port, CutoffPlanner.ScopeFor(TestAlerts.Thermal(AlertSeverity.Critical, port: 2)));

    [Fact]
    public void ScopeFor_WarningTemperature_NoCut() =>
        Assert.Null(CutoffPlanner.ScopeFor(TestAlerts.Thermal(AlertSeverity.Warning)));

    [Fact]
    public void ScopeFor_Smoke_WholeShed() =>
        Assert.Equal(CutoffScope.Shed, CutoffPlanner.ScopeFor(TestAlerts.Smoke()));

    [Fact]
    public void ScopeFor_SensorThermalRise_WholeShed() =>
        Assert.Equal(CutoffScope.Shed, CutoffPlanner.ScopeFor(TestAlerts.Smoke() with { Rule = "thermal.rise" }));

    [Theory]
    [InlineData("leakage")]
    [InlineData("overcharge")]
    [InlineData("offline")]
    [InlineData("flywire.strip")]
    [InlineData("flywire.tap")]
    public void ScopeFor_RulesThatAreNoImmediateDanger_NoCut(string rule) =>
        Assert.Null(CutoffPlanner.ScopeFor(TestAlerts.Overcurrent() with { Rule = rule }));

    [Fact]
    public void ScopeFor_Resolved_NoCut() =>
        Assert.Null(CutoffPlanner.ScopeFor(TestAlerts.Resolved(TestAlerts.Overcurrent(), TimeSpan.FromMinutes(1))));

    [Fact]
    public void Targets_Pile_EveryPortSeenSoFar()
    {
        var topology = new PortTopology();
        topology.Observe(Reading("shed-a-c01", "shed-a", 1, 2));
        topology.Observe(Reading("shed-a-c01", "shed-a", 3));
        topology.Observe(Reading("shed-a-c02", "shed-a", 1));

        var targets = CutoffPlanner.Targets(TestAlerts.Thermal(AlertSeverity.Critical), CutoffScope.Pile, topology);

        Assert.Equal([1, 2, 3], targets.Select(t => t.Port));
        Assert.All(targets, t => Assert.Equal(("dongyuan-1", "shed-a-c01"), (t.Site, t.Charger)));
    }

    [Fact]
    public void Targets_Shed_EveryPortOfEveryPileOfThatShed()
    {
        var topology = new PortTopology();
        topology.Observe(Reading("shed-a-c01", "shed-a", 1, 2));
        topology.Observe(Reading("shed-a-c02", "shed-a", 1));
        topology.Observe(Reading("shed-b-c01", "shed-b", 1));
        topology.Observe(Reading("shed-a-c01", "shed-a", 1), site: "xiyuan-2");

        var targets = CutoffPlanner.Targets(TestAlerts.Smoke(), CutoffScope.Shed, topology);

        Assert.Equal(["port 1 of shed-a-c01", "port 2 of shed-a-c01", "port 1 of shed-a-c02"], targets.Select(t => t.ToString()));
    }

    [Fact]
    public void Targets_ConfiguredShed_WinsOverPayload()
    {
        var topology = new PortTopology();
        topology.Observe(Reading("c7", payloadShed: "wrong", 1), configuredShed: "shed-a");

        Assert.Single(CutoffPlanner.Targets(TestAlerts.Smoke(), CutoffScope.Shed, topology));
    }

    [Fact]
    public void Targets_SensorWithoutShed_NothingToCut() =>
        Assert.Empty(CutoffPlanner.Targets(TestAlerts.Smoke(shed: null), CutoffScope.Shed, new PortTopology()));

    internal static ChargerReading Reading(string charger, string? payloadShed, params int[] ports) =>
        Reading(charger, payloadShed, "dongyuan-1", ports);

    private static ChargerReading Reading(string charger, string? payloadShed, string site, params int[] ports) =>
        new(new DeviceKey(site, DeviceKind.Charger, charger), TestAlerts.Start, null, payloadShed, null,
            [.. ports.Select(p => new PortReading(p, 1.0, PortState.Charging))]);
}

internal static class PortTopologyTestExtensions
{
    public static void Observe(this PortTopology topology, ChargerReading reading, string site) =>
        topology.Observe(new ChargerReading(new DeviceKey(site, DeviceKind.Charger, reading.DeviceId), reading.Timestamp, null, reading.Shed, null, [.. reading.Ports]));
}
