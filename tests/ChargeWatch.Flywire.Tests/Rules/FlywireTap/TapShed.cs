using ChargeWatch.Core.Alerts;
using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Detection;
using ChargeWatch.Core.Readings;
using ChargeWatch.Core.Sites;

namespace ChargeWatch.Flywire.Tests.Rules.FlywireTap;

/// <summary>A shed with two piles and a feeder driven through the real engine, collecting flywire.tap messages.</summary>
internal sealed class TapShed
{
    public const string Site = "dongyuan-1";

    public static readonly DateTimeOffset Evening = new(2026, 7, 8, 19, 0, 0, TimeSpan.FromHours(8));

    private readonly DetectionEngine _engine = new(SiteDirectory.Defaults);
    private readonly List<AlertMessage> _changes = [];

    public List<AlertMessage> Tap { get; } = [];

    public static DeviceKey Pile(int i) => new(Site, DeviceKind.Charger, $"shed-a-c0{i}");

    public static DeviceKey Feeder => new(Site, DeviceKind.Feeder, "shed-a-f");

    public void PileReading(int pile, DateTimeOffset at, params double[] portWatts) =>
        Feed(new ChargerReading(Pile(pile), at, null, "shed-a", null,
            [.. portWatts.Select((w, i) => new PortReading(i + 1, w / 225, w > 0 ? PortState.Charging : PortState.Idle, 225, w))]));

    public void FeederReading(DateTimeOffset at, double watts) =>
        Feed(new FeederReading(Feeder, at, null, "shed-a", watts / 225, 225, watts, null, 2.0));

    public void Status(DeviceKey device, bool online)
    {
        _changes.Clear();
        _engine.OnStatus(device, online, _changes);
        Tap.AddRange(_changes.Where(c => c.Rule == "flywire.tap"));
    }

    public void Watermark(DateTimeOffset at)
    {
        _changes.Clear();
        _engine.OnWatermark(Site, at, _changes);
    }

    public void Feed(Reading reading)
    {
        _changes.Clear();
        _engine.OnReading(reading, _changes);
        Tap.AddRange(_changes.Where(c => c.Rule == "flywire.tap"));
    }

    /// <summary>
    /// Every 30 s: both piles (at +0 s and +11 s) and the feeder (at +23 s), the feeder carrying the
    /// ports plus <paramref name="controls"/> plus whatever <paramref name="tapAt"/> says.
    /// </summary>
    public void Run(DateTimeOffset from, TimeSpan length, Func<DateTimeOffset, double> tapAt,
        double controls = 30, double[]? pileA = null, double[]? pileB = null)
    {
        pileA ??= [180, 0, 240];
        pileB ??= [300, 150];
        for (var t = from; t < from + length; t = t.AddSeconds(30))
        {
            PileReading(1, t, pileA);
            PileReading(2, t.AddSeconds(11), pileB);
            FeederReading(t.AddSeconds(23), pileA.Sum() + pileB.Sum() + controls + tapAt(t.AddSeconds(23)));
        }
    }
}
