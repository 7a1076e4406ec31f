using ChargeWatch.Core.Alerts;
using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Detection;
using ChargeWatch.Core.Readings;
using ChargeWatch.Core.Rules;
using ChargeWatch.Core.Sites;
using ChargeWatch.Simulator.Physics;
using ChargeWatch.Simulator.Physics.Chargers;
using ChargeWatch.Simulator.Physics.Sheds;

namespace ChargeWatch.FlywireEvaluation;

/// <summary>
/// One shed night for flywire.tap and flywire.strip, built from the simulator's shed physics
/// (piles, ports, feeder, charge sessions): piles and feeder report on their own intervals with
/// random phase and jitter, and the readings run through the real detection engine in event-time
/// order (only the tap and strip rules registered, so the CPU figure is theirs).
/// </summary>
public sealed class TapStripShed
{
    public const string Site = "eval";
    public const string ShedId = "shed-a";

    private static readonly IReadOnlyList<RuleRegistration> Rules =
        [.. RuleCatalog.All.Where(r => r.Name is "FlywireTap" or "FlywireStrip")];

    private static readonly SiteDirectory Directory = new SiteSettingsBuilder(Rules).Build();

    private readonly List<(PileModel Pile, double Interval, double Phase)> _piles = [];
    private readonly SimRandom _random;

    public TapStripShed(long seed, double hours = 9)
    {
        _random = new SimRandom(seed);
        Clock = new ModelClock(new DateTimeOffset(2026, 7, 8, 17, 0, 0, TimeSpan.FromHours(8)));
        EndSeconds = hours * 3600;
        Shed = new ShedModel(ShedId, Clock, new AmbientTemperature(), _random.Fork("supply"));
        Feeder = new FeederModel(new DeviceKey(Site, DeviceKind.Feeder, ShedId + "-f"), Shed, _random.Fork("feeder"));
    }

    public ModelClock Clock { get; }

    public double EndSeconds { get; }

    public ShedModel Shed { get; }

    public FeederModel Feeder { get; }

    public double FeederInterval { get; set; } = 30;

    /// <summary>Ports report current and volts only (no <c>w</c>): power becomes v×a and inrush shows in it.</summary>
    public bool PortsWithoutWatts { get; set; }

    /// <summary>A pile silent over [start, end) seconds while its bikes keep charging.</summary>
    public (int Pile, double Start, double End)? Silence { get; set; }

    public IReadOnlyList<PileModel> Piles => [.. _piles.Select(p => p.Pile)];

    public DateTimeOffset At(double seconds) => Clock.TimeAt(seconds);

    public PileModel AddPile(int ports, double occupancy, double interval, SimRandom random)
    {
        var index = _piles.Count + 1;
        var key = new DeviceKey(Site, DeviceKind.Charger, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{ShedId}-c{index:00}"));
        var models = new List<PortModel>();
        for (var p = 1; p <= ports; p++)
        {
            var portRandom = random.Fork(p);
            var port = new PortModel(p, Math.Round(portRandom.Uniform(0, 400_000)), 28);
            if (portRandom.Chance(occupancy))
            {
                var plug = Clock.SecondsAtHour(portRandom.Chance(0.8) ? portRandom.Uniform(17.2, 22.5) : portRandom.Uniform(22.5, 24.5));
                if (portRandom.Chance(0.3))
                {
                    // A short top-up, unplugged, and another bike plugged in later (an idle between).
                    var unplug = plug + portRandom.Uniform(0.5, 2.5) * 3600;
                    port.AddSession(new PortSession(plug, unplug, new ChargeSession(PileCharger(portRandom.Fork("first"), null), plug)));
                    plug = unplug + portRandom.Uniform(60, 2 * 3600);
                }
                port.AddSession(new PortSession(plug, EndSeconds + 3600, new ChargeSession(PileCharger(portRandom.Fork("charger"), null), plug)));
            }
            models.Add(port);
        }
        var pile = new PileModel(key, ShedId, models, Shed, random.Fork("pile"));
        Shed.Piles.Add(pile);
        _piles.Add((pile, interval, random.Uniform(0, interval)));
        return pile;
    }

    /// <summary>
    /// A charger on a pile socket, as the simulator's world makes them: piles refuse chargers beyond
    /// their per-socket limit, so the plateau is held under 550 VA.
    /// </summary>
    public static ChargerProfile PileCharger(SimRandom random, ChargerProfileOptions? options)
    {
        var profile = ChargerProfile.Sample(random, options);
        var voltAmps = profile.PlateauEndWatts / profile.PowerFactor;
        return voltAmps <= 550 ? profile : profile with { PlateauWatts = profile.PlateauWatts * 550 / voltAmps };
    }

    /// <summary>Runs the night through a fresh engine; returns the alert messages, readings fed and CPU time.</summary>
    public (List<AlertMessage> Alerts, long Readings, double Microseconds) Run()
    {
        var engine = new DetectionEngine(Directory);
        var alerts = new List<AlertMessage>();
        var jitter = _random.Fork("jitter");
        var queue = new PriorityQueue<int, double>();
        var next = new double[_piles.Count + 1];
        var seq = new long[_piles.Count + 1];
        for (var i = 0; i < _piles.Count; i++)
        {
            next[i] = _piles[i].Phase;
            queue.Enqueue(i, next[i]);
        }
        next[^1] = jitter.Uniform(0, FeederInterval);
        queue.Enqueue(_piles.Count, next[^1]);
        long readings = 0;
        var ticks = 0L;
        while (queue.TryDequeue(out var device, out var seconds))
        {
            if (seconds >= EndSeconds)
            {
                continue;
            }
            var at = Clock.TimeAt(seconds);
            at = new DateTimeOffset(at.Ticks - (at.Ticks % TimeSpan.TicksPerMillisecond), at.Offset);
            Reading? reading;
            double interval;
            if (device == _piles.Count)
            {
                reading = Feeder.Read(seconds, ++seq[device], at);
                interval = FeederInterval;
            }
            else
            {
                var (pile, pileInterval, _) = _piles[device];
                var charger = pile.Read(seconds, ++seq[device], at);
                interval = pileInterval;
                reading = Silence is { } s && s.Pile == device && seconds >= s.Start && seconds < s.End ? null
                    : PortsWithoutWatts ? WithoutWatts(charger) : charger;
            }
            if (reading is not null)
            {
                var start = System.Diagnostics.Stopwatch.GetTimestamp();
                engine.OnReading(reading, alerts);
                ticks += System.Diagnostics.Stopwatch.GetTimestamp() - start;
                readings++;
            }
            next[device] = seconds + (interval * Math.Max(0.5, 1 + jitter.Normal(0, 0.01)));
            queue.Enqueue(device, next[device]);
        }
        return (alerts, readings, ticks * 1e6 / System.Diagnostics.Stopwatch.Frequency);
    }

    private static ChargerReading WithoutWatts(ChargerReading reading) =>
        new(reading.Device, reading.Timestamp, reading.Seq, reading.Shed, reading.CabinetTempC,
            [.. reading.Ports.Select(p => p with { Watts = null })]);
}
