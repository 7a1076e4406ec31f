using ChargeWatch.Core.Alerts;
using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Detection;
using ChargeWatch.Core.Readings;
using ChargeWatch.Core.Sites;

namespace ChargeWatch.Flywire.Tests.Rules.FlywireStrip;

/// <summary>Port 3 of one pile driven through the real engine every 30 s, collecting flywire.strip messages.</summary>
internal sealed class StripPort
{
    public static readonly DateTimeOffset Evening = new(2026, 7, 8, 19, 0, 0, TimeSpan.FromHours(8));

    public static readonly DeviceKey Pile = new("dongyuan-1", DeviceKind.Charger, "shed-a-c01");

    private readonly DetectionEngine _engine = new(SiteDirectory.Defaults);
    private readonly List<AlertMessage> _changes = [];

    public List<AlertMessage> Strip { get; } = [];

    public DateTimeOffset Now { get; private set; } = Evening;

    /// <summary>One reading of port 3 (and an idle port 1) <paramref name="step"/> after the previous one.</summary>
    public void Read(double watts, PortState state = PortState.Charging, bool reportWatts = true, double? amps = null, TimeSpan? step = null)
    {
        Now += step ?? TimeSpan.FromSeconds(30);
        var a = amps ?? watts / 225;
        var port = new PortReading(3, a, state, 225, reportWatts ? watts : null);
        _changes.Clear();
        _engine.OnReading(new ChargerReading(Pile, Now, null, "shed-a", null, [new PortReading(1, 0, PortState.Idle, 225, 0), port]), _changes);
        Strip.AddRange(_changes.Where(c => c.Rule == "flywire.strip"));
    }

    /// <summary>Readings every 30 s for <paramref name="length"/>, power as a function of minutes since now.</summary>
    public void Hold(TimeSpan length, Func<double, double> watts, PortState state = PortState.Charging)
    {
        var start = Now;
        while (Now < start + length)
        {
            Read(watts((Now - start).TotalMinutes + 0.5), state);
        }
    }
}
