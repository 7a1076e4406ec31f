using ChargeWatch.Simulator.Physics.Appliances;

namespace ChargeWatch.Simulator.Physics.Circuits;

/// <summary>
/// A corridor circuit: always-on emergency/exit lights plus motion-triggered stair lights that
/// pulse for a minute or two when someone passes (often in the evening, rarely at night).
/// </summary>
public static class CorridorModel
{
    public static CircuitNight Create(long seed, CorridorOptions? options = null)
    {
        options ??= new CorridorOptions();
        var random = new SimRandom(seed);
        var clock = new ModelClock(options.Start);
        var to = options.Duration.TotalSeconds;
        var loads = new List<ILoad>
        {
            new ScheduledLoad("emergency-lights", [new LoadSegment(-1, to + 1, random.Fork("emergency").Uniform(5, 15), 0.9)], 1),
            StairLights(random.Fork("stairs"), clock, to),
        };
        var charges = new List<ChargeTruth>();
        if (options.EbikeCharge)
        {
            var (load, truth) = HouseholdModel.EbikeCharge(random.Fork("ebike"), clock, to, options.ChargeStart, options.Charger);
            loads.Add(load);
            charges.Add(truth);
        }
        return new CircuitNight(CircuitRole.Corridor, clock, options.Duration, options.Meter, loads, charges, random.Fork("meter"));
    }

    private static ScheduledLoad StairLights(SimRandom random, ModelClock clock, double to)
    {
        var segments = new List<LoadSegment>();
        var watts = random.Uniform(5, 20);
        var t = 0.0;
        while (t < to)
        {
            var hour = clock.LocalHourAt(t);
            // Passers-by: every few minutes in the evening, every half hour or more late at night.
            var meanGap = hour is >= 17 and < 23 ? 6 * 60 : hour is >= 6 and < 9 ? 8 * 60 : 40 * 60;
            t += -meanGap * Math.Log(1 - random.NextDouble());
            var on = random.Uniform(60, 180);
            if (segments.Count > 0 && t < segments[^1].End)
            {
                segments[^1] = segments[^1] with { End = t + on };
            }
            else
            {
                segments.Add(new LoadSegment(t, t + on, watts, 0.9));
            }
        }
        return new ScheduledLoad("stair-lights", segments, random.NextUInt64());
    }
}
