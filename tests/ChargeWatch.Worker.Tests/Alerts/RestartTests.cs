using ChargeWatch.Core.Alerts;
using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Detection;
using ChargeWatch.Core.Readings;
using ChargeWatch.Core.Sites;
using ChargeWatch.Worker.Detection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargeWatch.Worker.Tests.Alerts;

/// <summary>The worker's engines over the state file, restarted in-process with another shard count.</summary>
public sealed class RestartTests : IDisposable
{
    private static readonly DeviceKey Charger = new("dongyuan-1", DeviceKind.Charger, "shed-a-c01");
    private static readonly DateTimeOffset T0 = new(2026, 7, 8, 21, 30, 0, TimeSpan.FromHours(8));
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cw-restart-" + Guid.NewGuid().ToString("N")[..8]);

    private IDetectionEngine[] Start(int shards)
    {
        var state = new AlertStateFile(_directory, NullLogger<AlertStateFile>.Instance);
        var factory = new PersistingEngineFactory(new DetectionEngineFactory(SiteDirectory.Defaults, new RestoredAlerts(state.Restored)), state);
        return [.. Enumerable.Range(0, shards).Select(i => factory.Create(i, shards))];
    }

    private static ChargerReading Port(double seconds, double amps, double tempC) =>
        new(Charger, T0.AddSeconds(seconds), null, "shed-a", null, [new PortReading(3, amps, PortState.Charging, TempC: tempC)]);

    [Fact]
    public void Restart_WhileAlertActive_NoSecondFiringAndTheResolveStillArrives()
    {
        var before = new List<AlertMessage>();
        var first = Start(1)[0];
        for (var t = 0; t <= 60; t += 10)
        {
            first.OnReading(Port(t, 1.0, 66), before);
        }
        Assert.Equal(AlertStatus.Firing, Assert.Single(before).Status);

        var after = new List<AlertMessage>();
        var second = Start(3)[2];
        for (var t = 70; t <= 120; t += 10)
        {
            second.OnReading(Port(t, 1.0, 66), after);
        }
        Assert.Empty(after);
        for (var t = 130; t <= 190; t += 10)
        {
            second.OnReading(Port(t, 1.0, 40), after);
        }

        var resolved = Assert.Single(after);
        Assert.Equal(AlertStatus.Resolved, resolved.Status);
        Assert.Equal(before[0].Id, resolved.Id);
        Assert.Equal(before[0].StartsAt, resolved.StartsAt);
        Assert.Equal(T0.AddSeconds(190), resolved.EndsAt);
        Assert.Empty(new AlertStateFile(_directory, NullLogger<AlertStateFile>.Instance).Restored);
    }

    [Fact]
    public void Restart_AlertStillHot_EscalationIsSentOnce()
    {
        var before = new List<AlertMessage>();
        Start(1)[0].OnReading(Port(0, 1.0, 66), before);

        var after = new List<AlertMessage>();
        var engine = Start(1)[0];
        engine.OnReading(Port(10, 1.0, 80), after);
        engine.OnReading(Port(20, 1.0, 81), after);

        var escalation = Assert.Single(after);
        Assert.Equal(AlertSeverity.Critical, escalation.Severity);
        Assert.Equal(before[0].StartsAt, escalation.StartsAt);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
