namespace ChargeWatch.Simulator.Physics.Appliances;

/// <summary>
/// Builders of the household appliances of contract §5 (the loads that must not be taken for an
/// e-bike charger), each drawn over one night window [from, to) seconds on a <see cref="ModelClock"/>.
/// Ranges follow the appliance studies cited in docs/simulator.md. Given a <c>day</c> stream, the
/// appliance is the one <c>random</c> draws (its size and power factor) used as that day uses it.
/// </summary>
public static class Appliance
{
    /// <summary>Compressor cycling 60–200 W, on 10–30 min, off 20–60 min; sometimes a defrost heater.</summary>
    public static ScheduledLoad Fridge(SimRandom random, double from, double to, SimRandom? day = null)
    {
        var draw = new ApplianceDraws(random, day ?? random);
        var segments = new List<LoadSegment>();
        var watts = draw.Own(60, 200);
        var pf = draw.Own(0.6, 0.85);
        var on = draw.Own(10, 30) * 60;
        var off = draw.Own(20, 60) * 60;
        var t = from - draw.Use(0, on + off);
        var defrostAt = draw.UseChance(0.3) ? draw.Use(from, to) : double.NaN;
        while (t < to)
        {
            // Cycle to cycle variation, kept inside contract §5's 10–30 min on, 20–60 min off.
            var thisOn = Math.Clamp(on * draw.Use(0.85, 1.15), 10 * 60, 30 * 60);
            if (!double.IsNaN(defrostAt) && t >= defrostAt)
            {
                // Defrost: a resistive heater for 15–30 min instead of the compressor.
                segments.Add(new LoadSegment(t, t + draw.Use(15, 30) * 60, draw.Use(150, 300), 0.99));
                defrostAt = double.NaN;
                t = segments[^1].End + off;
                continue;
            }
            // Start-up draws more for a minute while the compressor pulls down pressure.
            segments.Add(new LoadSegment(t, t + 60, watts * 1.4, pf, 0.02));
            segments.Add(new LoadSegment(t + 60, t + thisOn, watts, pf, 0.02));
            t += thisOn + Math.Clamp(off * draw.Use(0.85, 1.15), 20 * 60, 60 * 60);
        }
        return new ScheduledLoad("fridge", segments, draw.UseSeed());
    }

    /// <summary>Steady 60–200 W with content-driven flicker, power factor 0.9–0.98, one or two evening viewings.</summary>
    public static ScheduledLoad Television(SimRandom random, ModelClock clock, double from, double to, SimRandom? day = null)
    {
        var draw = new ApplianceDraws(random, day ?? random);
        var segments = new List<LoadSegment>();
        var watts = draw.Own(60, 200);
        var pf = draw.Own(0.9, 0.98);
        var start = clock.SecondsAtHour(draw.Use(18.5, 20.5));
        var viewings = draw.UseBetween(1, 2);
        for (var i = 0; i < viewings && start < to; i++)
        {
            var end = start + draw.Use(1, 4) * 3600;
            segments.Add(new LoadSegment(Math.Max(start, from), Math.Min(end, to), watts, pf, 0.06));
            start = end + draw.Use(0.3, 1.5) * 3600;
        }
        return new ScheduledLoad("tv", segments, draw.UseSeed(), switchMode: true);
    }

    /// <summary>600–900 W cooking for 20–40 min before dinner, then keep-warm pulses of 30–60 W.</summary>
    public static ScheduledLoad RiceCooker(SimRandom random, ModelClock clock, double from, double to, SimRandom? day = null)
    {
        var draw = new ApplianceDraws(random, day ?? random);
        var segments = new List<LoadSegment>();
        var start = Math.Max(from, clock.SecondsAtHour(draw.Use(17.2, 19.0)));
        var cook = draw.Use(20, 40) * 60;
        segments.Add(new LoadSegment(start, start + cook, draw.Own(600, 900), 0.99));
        var warmEnd = start + cook + draw.Use(1, 3) * 3600;
        var warmWatts = draw.Own(30, 60);
        for (var t = start + cook; t < warmEnd && t < to; t += draw.Use(4, 8) * 60)
        {
            segments.Add(new LoadSegment(t, t + draw.Use(1, 3) * 60, warmWatts, 0.99));
        }
        return new ScheduledLoad("rice-cooker", segments, draw.UseSeed());
    }

    /// <summary>1500–2000 W for 2–5 min, zero to three times a night.</summary>
    public static ScheduledLoad Kettle(SimRandom random, ModelClock clock, double from, double to, SimRandom? day = null)
    {
        var draw = new ApplianceDraws(random, day ?? random);
        var segments = new List<LoadSegment>();
        var watts = draw.Own(1500, 2000);
        var boils = draw.UseBetween(0, 3);
        for (var i = 0; i < boils; i++)
        {
            var start = draw.UseChance(0.8) ? clock.SecondsAtHour(draw.Use(17.5, 23.0)) : clock.SecondsAtHour(draw.Use(6.5, 8.5));
            if (start >= from && start < to)
            {
                segments.Add(new LoadSegment(start, start + draw.Use(2, 5) * 60, watts, 1.0));
            }
        }
        return new ScheduledLoad("kettle", RemoveOverlaps(segments), draw.UseSeed());
    }

    /// <summary>
    /// A heater (resistive, pf 1) or an air conditioner (pf 0.85–0.95), ≥ 700 W, cycling on a
    /// thermostat: on 10–40 min, off 5–20 min, from the evening into the night.
    /// </summary>
    public static ScheduledLoad ClimateControl(SimRandom random, ModelClock clock, double from, double to, bool heater, SimRandom? day = null)
    {
        var draw = new ApplianceDraws(random, day ?? random);
        var segments = new List<LoadSegment>();
        var watts = heater ? draw.Own(800, 2000) : draw.Own(700, 1500);
        var pf = heater ? 1.0 : draw.Own(0.85, 0.95);
        var start = Math.Max(from, clock.SecondsAtHour(draw.Use(19, 22.5)));
        var end = Math.Min(to, draw.UseChance(0.5) ? clock.SecondsAtHour(draw.Use(6, 7.5)) : start + draw.Use(2, 5) * 3600);
        var t = start;
        while (t < end)
        {
            var on = draw.Use(10, 40) * 60;
            segments.Add(new LoadSegment(t, Math.Min(end, t + on), watts, pf, heater ? 0.005 : 0.04));
            t += on + draw.Use(5, 20) * 60;
        }
        return new ScheduledLoad(heater ? "heater" : "air-conditioner", segments, draw.UseSeed());
    }

    /// <summary>Irregular: agitation bursts 150–500 W, often a 1800–2100 W water-heating phase, spins 300–600 W.</summary>
    public static ScheduledLoad WashingMachine(SimRandom random, ModelClock clock, double from, double to, SimRandom? day = null)
    {
        var draw = new ApplianceDraws(random, day ?? random);
        var segments = new List<LoadSegment>();
        var t = Math.Max(from, clock.SecondsAtHour(draw.Use(18.5, 22.5)));
        var end = t + draw.Use(45, 90) * 60;
        if (draw.UseChance(0.6))
        {
            var heat = draw.Use(8, 15) * 60;
            segments.Add(new LoadSegment(t, t + heat, draw.Own(1800, 2100), 0.99));
            t += heat;
        }
        // The drum's bursts and the spin vary with the load: the day's.
        while (t < end - 600)
        {
            var burst = draw.Use(10, 60);
            segments.Add(new LoadSegment(t, t + burst, draw.Use(150, 500), draw.Use(0.5, 0.8), 0.15));
            t += burst + draw.Use(5, 40);
        }
        segments.Add(new LoadSegment(t, Math.Min(to, end), draw.Use(300, 600), draw.Use(0.6, 0.85), 0.1));
        return new ScheduledLoad("washing-machine", segments.Where(s => s.Start < to), draw.UseSeed());
    }

    /// <summary>Laptop (20–60 W, pf about 0.5) for a few evening hours, and phone chargers (5–15 W).</summary>
    public static ScheduledLoad SmallElectronics(SimRandom random, ModelClock clock, double from, double to, SimRandom? day = null)
    {
        var draw = new ApplianceDraws(random, day ?? random);
        var segments = new List<LoadSegment>();
        var laptop = Math.Max(from, clock.SecondsAtHour(draw.Use(18, 22)));
        segments.Add(new LoadSegment(laptop, Math.Min(to, laptop + draw.Use(1, 4) * 3600), draw.Own(20, 60), draw.Own(0.45, 0.6), 0.15));
        var phone = Math.Max(segments[^1].End, clock.SecondsAtHour(draw.Use(22, 24.5)));
        segments.Add(new LoadSegment(phone, Math.Min(to, phone + draw.Use(1, 3) * 3600), draw.Own(5, 15), 0.5));
        return new ScheduledLoad("electronics", segments, draw.UseSeed(), switchMode: true);
    }

    /// <summary>LED lighting stepping up at dusk as rooms light up, down at bedtime (10–80 W in all).</summary>
    public static ScheduledLoad Lighting(SimRandom random, ModelClock clock, double from, double to, SimRandom? day = null)
    {
        var draw = new ApplianceDraws(random, day ?? random);
        var segments = new List<LoadSegment>();
        var rooms = draw.OwnBetween(2, 5);
        var perRoom = draw.Own(6, 16);
        var t = Math.Max(from, clock.SecondsAtHour(draw.Use(18.0, 19.5)));
        var bed = Math.Min(to, clock.SecondsAtHour(draw.Use(22.3, 24.8)));
        var lit = 1;
        while (t < bed)
        {
            var next = Math.Min(bed, t + draw.Use(10, 50) * 60);
            segments.Add(new LoadSegment(t, next, lit * perRoom, draw.Use(0.55, 0.9)));
            lit = Math.Clamp(lit + draw.UseBetween(-1, 1), 1, rooms);
            t = next;
        }
        return new ScheduledLoad("lighting", segments, draw.UseSeed(), switchMode: true);
    }

    /// <summary>Router, standby and clocks: 10–40 W around the clock.</summary>
    public static ScheduledLoad Standby(SimRandom random, double from, double to, SimRandom? day = null)
    {
        var draw = new ApplianceDraws(random, day ?? random);
        return new("standby", [new LoadSegment(from - 1, to + 1, draw.Own(10, 40), draw.Own(0.5, 0.75), 0.01)], draw.UseSeed(), switchMode: true);
    }

    private static List<LoadSegment> RemoveOverlaps(List<LoadSegment> segments)
    {
        segments.Sort((a, b) => a.Start.CompareTo(b.Start));
        var result = new List<LoadSegment>();
        foreach (var s in segments)
        {
            if (result.Count == 0 || s.Start >= result[^1].End)
            {
                result.Add(s);
            }
        }
        return result;
    }
}
