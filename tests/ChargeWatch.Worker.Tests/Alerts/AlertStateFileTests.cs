using ChargeWatch.Core.Alerts;
using ChargeWatch.Core.Contract;
using ChargeWatch.Worker.Detection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargeWatch.Worker.Tests.Alerts;

public sealed class AlertStateFileTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cw-alert-state-" + Guid.NewGuid().ToString("N")[..8]);

    private static AlertMessage Firing(int port, AlertSeverity severity = AlertSeverity.Warning) => new()
    {
        Id = AlertId.For("thermal.high", Device, port),
        Rule = "thermal.high",
        Status = AlertStatus.Firing,
        Severity = severity,
        Device = Device,
        Port = port,
        StartsAt = Start,
        ChangedAt = Start.AddSeconds(30),
        Value = 61.5,
        Threshold = 60,
        Unit = "°C",
        Summary = $"Port {port} is hot",
        Shed = "shed-a",
    };

    private static readonly DeviceKey Device = new("dongyuan-1", DeviceKind.Charger, "shed-a-c01");
    private static readonly DateTimeOffset Start = new(2026, 7, 8, 21, 30, 0, TimeSpan.FromHours(8));

    private AlertStateFile Open() => new(_directory, NullLogger<AlertStateFile>.Instance);

    [Fact]
    public void Apply_FiringThenReopened_RestoresTheAlert()
    {
        Open().Apply([Firing(3)]);

        var restored = Assert.Single(Open().Restored);

        Assert.Equal(Firing(3), restored);
    }

    [Fact]
    public void Apply_Resolved_RemovesItAndLeavesNoTemporaryFile()
    {
        var state = Open();
        state.Apply([Firing(3), Firing(4)]);
        state.Apply([Firing(3) with { Status = AlertStatus.Resolved, EndsAt = Start.AddMinutes(5) }]);

        Assert.Equal(4, Assert.Single(Open().Restored).Port);
        Assert.Equal(["state.json"], Directory.GetFiles(Path.Combine(_directory, "alerts")).Select(Path.GetFileName));
    }

    [Fact]
    public void Apply_Escalation_KeepsTheNewestSeverity()
    {
        var state = Open();
        state.Apply([Firing(3), Firing(3, AlertSeverity.Critical)]);

        Assert.Equal(AlertSeverity.Critical, Assert.Single(Open().Restored).Severity);
    }

    [Fact]
    public void Open_CorruptFile_StartsEmpty()
    {
        Directory.CreateDirectory(Path.Combine(_directory, "alerts"));
        File.WriteAllText(Path.Combine(_directory, "alerts", "state.json"), "{ not json");

        Assert.Empty(Open().Restored);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
