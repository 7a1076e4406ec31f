using ChargeWatch.Simulator.Physics.Appliances;
using ChargeWatch.Simulator.Physics.Chargers;

namespace ChargeWatch.Simulator.Physics.Circuits;

/// <summary>
/// Draws a household's night: the appliance mix of contract §5 (the hard negatives) and, with the
/// configured probability, an e-bike charging at home. Pure and deterministic per seed:
/// <c>HouseholdModel.Create(seed, options).Samples()</c> is the meter's stream, <c>.Charges</c> the truth.
/// </summary>
public static class HouseholdModel
{
    public static CircuitNight Create(long seed, HouseholdOptions? options = null)
    {
        options ??= new HouseholdOptions();
        var random = new SimRandom(seed);
        // Another day of the household: its appliances from the seed, how they are used from the day.
        var day = options.DaySeed is { } daySeed ? new SimRandom(daySeed) : null;
        var clock = new ModelClock(options.Start);
        var to = options.Duration.TotalSeconds;
        var loads = new List<ILoad>
        {
            Appliance.Standby(random.Fork("standby"), 0, to, day?.Fork("standby")),
            Appliance.Fridge(random.Fork("fridge"), 0, to, day?.Fork("fridge")),
            Appliance.Lighting(random.Fork("lighting"), clock, 0, to, day?.Fork("lighting")),
            Appliance.SmallElectronics(random.Fork("electronics"), clock, 0, to, day?.Fork("electronics")),
            Appliance.Kettle(random.Fork("kettle"), clock, 0, to, day?.Fork("kettle")),
        };
        var uses = random.Fork("mix");
        var television = uses.Chance(options.TelevisionProbability);
        var riceCooker = uses.Chance(options.RiceCookerProbability);
        var climate = uses.Chance(options.ClimateProbability);
        var washing = uses.Chance(options.WashingMachineProbability);
        AddUsed(loads, random, day, clock, 0, to, options.Season, television, riceCooker, climate, washing);
        if (options.DaytimeUse)
        {
            // The evening's appliances, each used again or not, at their evening hours' pattern moved
            // to the day: what "17:30" is to the evening, 09:30 is to the day.
            var daytime = (day ?? random).Fork("daytime");
            var dayStart = clock.SecondsAtHour(DaytimeStartHour);
            var dayLoads = new List<ILoad>
            {
                Appliance.Kettle(random.Fork("kettle"), clock, 0, to - dayStart, daytime.Fork("kettle")),
                Appliance.SmallElectronics(random.Fork("electronics"), clock, 0, to - dayStart, daytime.Fork("electronics")),
            };
            var again = daytime.Fork("mix");
            AddUsed(
                dayLoads, random, daytime, clock, 0, to - dayStart, options.Season,
                television && again.Chance(0.5), riceCooker && again.Chance(0.5), climate && again.Chance(0.5), washing && again.Chance(0.5));
            loads.AddRange(dayLoads.Select(load => new MovedLoad(load, dayStart, to)));
        }

        var charges = new List<ChargeTruth>();
        if (options.EbikeCharge ?? (day?.Fork("mix") ?? uses).Chance(options.EbikeProbability))
        {
            var (load, truth) = EbikeCharge((day ?? random).Fork("ebike"), clock, to, options.ChargeStart, options.Charger);
            loads.Add(load);
            charges.Add(truth);
        }
        return new CircuitNight(CircuitRole.Household, clock, options.Duration, options.Meter, loads, charges, (day ?? random).Fork("meter"));
    }

    // The household's day: from this hour to the end of the night's duration (the next evening).
    private const double DaytimeStartHour = 9;

    private static void AddUsed(
        List<ILoad> loads, SimRandom random, SimRandom? day, ModelClock clock, double from, double to, Season season,
        bool television, bool riceCooker, bool climate, bool washing)
    {
        if (television)
        {
            loads.Add(Appliance.Television(random.Fork("tv"), clock, from, to, day?.Fork("tv")));
        }
        if (riceCooker)
        {
            loads.Add(Appliance.RiceCooker(random.Fork("rice-cooker"), clock, from, to, day?.Fork("rice-cooker")));
        }
        if (climate)
        {
            loads.Add(Appliance.ClimateControl(random.Fork("climate"), clock, from, to, heater: season == Season.Winter, day?.Fork("climate")));
        }
        if (washing)
        {
            loads.Add(Appliance.WashingMachine(random.Fork("washing"), clock, from, to, day?.Fork("washing")));
        }
    }

    /// <summary>A load played later on the circuit's time axis, and only up to <paramref name="until"/>.</summary>
    private sealed class MovedLoad(ILoad load, double by, double until) : ILoad
    {
        public string Name => load.Name;

        public LoadPower At(double seconds) => seconds >= by && seconds < until ? load.At(seconds - by) : LoadPower.Zero;
    }

    /// <summary>
    /// An e-bike charge on a meter: plugged at an evening (or late) hour, unplugged next morning,
    /// shared with corridors. The load is the charge session cut off at unplugging.
    /// </summary>
    internal static (ILoad Load, ChargeTruth Truth) EbikeCharge(
        SimRandom random, ModelClock clock, double to, TimeSpan? startOfDay, ChargerProfileOptions chargerOptions)
    {
        var profile = ChargerProfile.Sample(random.Fork("charger"), chargerOptions);
        var startHour = startOfDay?.TotalHours ?? DrawStartHour(random);
        var start = clock.SecondsAtHour(startHour);
        if (startOfDay is null && start > to - (2 * 3600))
        {
            // A night window that begins after the usual evening hours: start within it instead.
            start = random.Uniform(0, Math.Max(0, to - (2 * 3600)));
        }
        start = Math.Min(start, to - 3600);
        var session = new ChargeSession(profile, start);
        // Owners unplug in the morning; a charge that has not ended is cut short then.
        var unplug = Math.Min(to, Math.Max(clock.SecondsAtHour(random.Uniform(6.5, 8.5)), start + 2 * 3600));
        var load = new UnpluggedAt(session, unplug);
        var end = Math.Min(session.ChargeEndSeconds, unplug);
        var truth = new ChargeTruth(
            clock.TimeAt(start), clock.TimeAt(Math.Min(session.TaperStartSeconds, unplug)), clock.TimeAt(end), clock.TimeAt(unplug), profile);
        return (load, truth);
    }

    private static double DrawStartHour(SimRandom random) =>
        random.NextDouble() switch
        {
            < 0.75 => random.Uniform(18.0, 22.5),
            < 0.95 => random.Uniform(22.5, 24.0),
            _ => random.Uniform(24.0, 25.5),
        };

    /// <summary>A load that stops at the moment its plug is pulled.</summary>
    private sealed class UnpluggedAt(ChargeSession session, double unplugSeconds) : ILoad
    {
        public string Name => session.Name;

        public LoadPower At(double seconds) => seconds < unplugSeconds ? session.At(seconds) : LoadPower.Zero;
    }
}
