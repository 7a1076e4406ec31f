using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Readings;
using ChargeWatch.Simulator.Physics;
using ChargeWatch.Simulator.Physics.Chargers;
using ChargeWatch.Simulator.Physics.Circuits;
using ChargeWatch.Simulator.Physics.Sheds;
using ChargeWatch.Simulator.Scenarios;
using static ChargeWatch.Simulator.Scenarios.EventTypes;

namespace ChargeWatch.Simulator.Simulation;

/// <summary>
/// The physical world of a scenario: sheds with piles, feeders and sensors, buildings with meters,
/// and the injected incidents applied to them. Built deterministically from the scenario and seed.
/// </summary>
internal sealed class World
{
    private readonly Dictionary<string, PileModel> _piles = new(StringComparer.Ordinal);

    public World(Scenario scenario, long seed)
    {
        Scenario = scenario;
        Clock = new ModelClock(scenario.Start);
        var root = new SimRandom(seed);
        var end = scenario.Duration.TotalSeconds;
        var ambient = new AmbientTemperature(scenario.File.Ambient.MeanC, scenario.File.Ambient.SwingC);
        var feeders = new Dictionary<string, FeederModel>(StringComparer.Ordinal);
        var sensors = new Dictionary<string, SensorModel>(StringComparer.Ordinal);
        foreach (var spec in scenario.File.Sheds)
        {
            var shedRandom = root.Fork("shed:" + spec.Id);
            var shed = new ShedModel(spec.Id, Clock, ambient, shedRandom.Fork("supply"));
            var interval = Interval(spec.Interval);
            for (var i = 0; i < spec.Piles; i++)
            {
                var id = Topology.Pile(spec.Id, i);
                var random = root.Fork("device:" + id);
                var ports = Enumerable.Range(1, spec.Ports)
                    .Select(p => NewPort(p, random.Fork(p), spec.Occupancy, ambient.At(Clock, 0), end))
                    .ToList();
                var pile = new PileModel(Key(DeviceKind.Charger, id), spec.Id, ports, shed, random);
                shed.Piles.Add(pile);
                _piles[id] = pile;
                Devices.Add(new PeriodicDevice(pile.Device, interval, random, pile.Read));
            }
            if (spec.Feeder)
            {
                var id = Topology.Feeder(spec.Id);
                var random = root.Fork("device:" + id);
                var feeder = new FeederModel(Key(DeviceKind.Feeder, id), shed, random);
                feeders[id] = feeder;
                Devices.Add(new PeriodicDevice(feeder.Device, Interval(spec.FeederInterval), random, feeder.Read));
            }
            for (var i = 0; i < spec.Sensors; i++)
            {
                var id = Topology.Sensor(spec.Id, i);
                var random = root.Fork("device:" + id);
                var sensor = new SensorModel(Key(DeviceKind.Sensor, id), shed, random);
                sensors[id] = sensor;
                Devices.Add(new PeriodicDevice(sensor.Device, Interval(spec.SensorInterval), random, sensor.Read));
            }
        }
        ApplyDeviceEvents(scenario, root, end, feeders, sensors);
        AddMeters(scenario, root);
    }

    public Scenario Scenario { get; }

    public ModelClock Clock { get; }

    public List<SimDevice> Devices { get; } = [];

    public IReadOnlyDictionary<string, PileModel> Piles => _piles;

    /// <summary>Ground truth of every e-bike charge on a meter (scripted or drawn).</summary>
    public List<(string Device, CircuitRole Role, ChargeTruth Charge)> MeterCharges { get; } = [];

    /// <summary>Each household meter's draw: the seed and options its night was made from.</summary>
    public List<HouseholdDraw> Households { get; } = [];

    private DeviceKey Key(DeviceKind kind, string id) => new(Scenario.Site, kind, id);

    private static TimeSpan Interval(string text) => TimeText.TryParseDuration(text, out var d) ? d : TimeSpan.FromSeconds(30);

    private PortModel NewPort(int number, SimRandom random, double occupancy, double ambientC, double end)
    {
        var port = new PortModel(number, Math.Round(random.Uniform(0, 400_000)), ambientC);
        if (random.Chance(occupancy))
        {
            // Riders come home between late afternoon and midnight and leave in the morning.
            var plugHour = random.Chance(0.8) ? random.Uniform(17.5, 22.5) : random.Uniform(22.5, 24.5);
            // A bike plugged in before the scenario starts is already charging at its start.
            var plug = Math.Min(NearestSeconds(plugHour), end - 1);
            var unplug = Math.Min(end, Math.Max(plug + 3 * 3600, Clock.SecondsAtHour(random.Uniform(6.5, 8.5))));
            port.AddSession(new PortSession(plug, unplug, new ChargeSession(PileCharger(random.Fork("charger"), null), plug)));
        }
        return port;
    }

    /// <summary>
    /// A charger on a pile socket: piles refuse chargers beyond their per-socket limit, so the
    /// plateau is held under 550 VA (2.4 A), leaving room for a strip's second charger below 4 A.
    /// </summary>
    private static ChargerProfile PileCharger(SimRandom random, ChargerProfileOptions? options)
    {
        var profile = ChargerProfile.Sample(random, options);
        var voltAmps = profile.PlateauEndWatts / profile.PowerFactor;
        return voltAmps <= 550 ? profile : profile with { PlateauWatts = profile.PlateauWatts * 550 / voltAmps };
    }

    /// <summary>Seconds of the local hour nearest to the start: up to 12 h before it (negative) or after it.</summary>
    private double NearestSeconds(double localHour)
    {
        var seconds = Clock.SecondsAtHour(localHour);
        return seconds > 12 * 3600 ? seconds - (24 * 3600) : seconds;
    }

    private void ApplyDeviceEvents(Scenario scenario, SimRandom root, double end,
        Dictionary<string, FeederModel> feeders, Dictionary<string, SensorModel> sensors)
    {
        for (var i = 0; i < scenario.Events.Count; i++)
        {
            var e = scenario.Events[i];
            var at = e.At.TotalSeconds;
            var until = Math.Min(end, at + e.Duration.TotalSeconds);
            var random = root.Fork("event:" + i);
            var device = e.Device ?? "";
            var port = e.Port is { } p && _piles.TryGetValue(device, out var pile) ? pile.Port(p) : null;
            switch (e.Type)
            {
                case Overcurrent:
                    port?.AddOverlay(new PortOverlay(PortOverlayKind.Overcurrent, at, until, e.Spec.Amps ?? 10));
                    break;
                case ShortCircuit:
                    port?.AddOverlay(new PortOverlay(PortOverlayKind.ShortCircuit, at,
                        e.Duration > TimeSpan.Zero ? until : Math.Min(end, at + 600), e.Spec.Amps ?? 40));
                    break;
                case ThermalRunaway:
                    port?.AddOverlay(new PortOverlay(PortOverlayKind.ThermalRunaway, at, until, e.Spec.Rate ?? 8));
                    break;
                case NeverStops:
                    var stuck = PileCharger(random, new ChargerProfileOptions
                    {
                        FloatWatts = random.Uniform(30, 60),
                        PlateauDuration = TimeSpan.FromHours(random.Uniform(2, 4)),
                        Chemistry = Chemistry(e.Spec),
                    });
                    port?.AddSession(new PortSession(at, end, new ChargeSession(stuck, at)));
                    break;
                case PowerStrip:
                    if (port is not null)
                    {
                        var session = port.SessionAt(at) ?? new PortSession(at - 1800, end,
                            new ChargeSession(PileCharger(random.Fork("first"), null), at - 1800));
                        var second = new ChargeSession(PileCharger(random.Fork("second"), new ChargerProfileOptions
                        {
                            Chemistry = Chemistry(e.Spec),
                            PlateauWatts = e.Spec.Watts ?? random.Uniform(120, 180),
                        }), at);
                        port.AddSession(session with { UnplugSeconds = Math.Max(session.UnplugSeconds, Math.Min(end, at + 4 * 3600)), Strip = second });
                    }
                    break;
                case Smoke:
                    sensors.GetValueOrDefault(device)?.AddSmoke(at, until);
                    break;
                case Leakage:
                    feeders.GetValueOrDefault(device)?.AddLeak(at, until, e.Spec.Milliamps ?? 20);
                    break;
                case FeederTap:
                    feeders.GetValueOrDefault(device)?.AddTap(at, until, e.Spec.Watts ?? 250);
                    break;
            }
        }
    }

    private void AddMeters(Scenario scenario, SimRandom root)
    {
        var scripted = scenario.Events
            .Where(e => e.Type is HouseholdCharge or CorridorCharge)
            .GroupBy(e => e.Device!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var b in scenario.File.Buildings)
        {
            var interval = Interval(b.Interval);
            for (var i = 0; i < b.Households; i++)
            {
                var id = Topology.HouseholdMeter(b.Id, i);
                var random = root.Fork("device:" + id);
                var mix = random.Fork("mix");
                var charge = scripted.GetValueOrDefault(id);
                var options = new HouseholdOptions
                {
                    Start = scenario.Start,
                    Duration = scenario.Duration,
                    Meter = new MeterOptions
                    {
                        Interval = interval,
                        ReportsPowerFactor = mix.Chance(b.PfShare),
                        ReportsDisplacementPowerFactor = b.PfKind == "displacement",
                    },
                    Season = b.Season == "winter" ? Season.Winter : Season.Summer,
                    EbikeCharge = charge is not null ? true : b.EbikeProbability > 0 ? null : false,
                    EbikeProbability = b.EbikeProbability,
                    ChargeStart = charge is null ? null : (scenario.Start + charge.At).TimeOfDay,
                    Charger = new ChargerProfileOptions { Chemistry = charge is null ? null : Chemistry(charge.Spec) },
                };
                var seed = unchecked((long)random.NextUInt64());
                Households.Add(new HouseholdDraw(id, seed, options));
                Add(id, HouseholdModel.Create(seed, options), MeterRole.Household, b.Id, Topology.Unit(b.Id, i));
            }
            for (var i = 0; i < b.Corridors; i++)
            {
                var id = Topology.CorridorMeter(b.Id, i);
                var random = root.Fork("device:" + id);
                var charge = scripted.GetValueOrDefault(id);
                var options = new CorridorOptions
                {
                    Start = scenario.Start,
                    Duration = scenario.Duration,
                    Meter = new MeterOptions { Interval = interval, ReportsPowerFactor = false },
                    EbikeCharge = charge is not null,
                    ChargeStart = charge is null ? null : (scenario.Start + charge.At).TimeOfDay,
                    Charger = new ChargerProfileOptions { Chemistry = charge is null ? null : Chemistry(charge.Spec) },
                };
                Add(id, CorridorModel.Create(unchecked((long)random.NextUInt64()), options), MeterRole.Corridor, b.Id, null);
            }
        }
    }

    private void Add(string id, CircuitNight night, MeterRole role, string building, string? unit)
    {
        Devices.Add(new MeterDevice(Key(DeviceKind.Meter, id), night, role, building, unit));
        foreach (var charge in night.Charges)
        {
            MeterCharges.Add((id, night.Role, charge));
        }
    }

    private static BatteryChemistry? Chemistry(EventSpec spec) => spec.Chemistry switch
    {
        "lead-acid" => BatteryChemistry.LeadAcid,
        "lithium" => BatteryChemistry.Lithium,
        _ => null,
    };
}
