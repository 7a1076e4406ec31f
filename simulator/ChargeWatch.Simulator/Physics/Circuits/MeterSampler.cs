namespace ChargeWatch.Simulator.Physics.Circuits;

/// <summary>Turns the loads on a circuit into what its meter reports: averaging, noise, rounding, jitter, dropouts.</summary>
public static class MeterSampler
{
    // Averaging meters integrate finely; the loads change on a scale of seconds.
    private const double MaxIntegrationStepSeconds = 5;

    public static IEnumerable<MeterSample> Sample(
        IReadOnlyList<ILoad> loads, ModelClock clock, double from, double to, MeterOptions options, SimRandom random)
    {
        MeterOptions.Validated(options);
        var grid = new GridVoltage(random.Fork("grid"), clock);
        // Forks depend only on the seed, so enumerating twice gives the same samples.
        var noise = random.Fork("noise");
        var setup = random.Fork("register");
        var interval = options.Interval.TotalSeconds;
        var wattHours = Math.Round(setup.Uniform(1_000_000, 30_000_000), 0);
        var t = from + setup.Uniform(0, interval);
        var previous = t;
        while (t < to)
        {
            var power = options.Averaging ? Average(loads, t - interval, t) : Instant(loads, t);
            wattHours += power.Watts * (t - previous) / 3600;
            previous = t;
            var keep = !noise.Chance(options.DropoutProbability);
            var watts = power.Watts * (1 + noise.Normal(0, options.PowerNoise)) + noise.Normal(0, options.PowerNoiseWatts);
            var volts = grid.At(t, power.AmpsAt(225)) + noise.Normal(0, 0.2);
            if (keep)
            {
                var pf = (options.ReportsDisplacementPowerFactor ? power.DisplacementPowerFactor : power.PowerFactor) + noise.Normal(0, 0.005);
                yield return new MeterSample(
                    RoundToMilliseconds(clock.TimeAt(t)),
                    Math.Round(Math.Max(0, watts), 1),
                    options.ReportsVoltageAndCurrent ? Math.Round(volts, 1) : null,
                    options.ReportsVoltageAndCurrent ? Math.Round(power.VoltAmps / volts, 2) : null,
                    options.ReportsPowerFactor ? Math.Round(Math.Clamp(pf, 0, 1), 2) : null,
                    Math.Round(wattHours, 1));
            }
            t += interval * Math.Max(0.5, 1 + noise.Normal(0, options.IntervalJitter));
        }
    }

    public static LoadPower Instant(IReadOnlyList<ILoad> loads, double seconds)
    {
        var sum = LoadPower.Zero;
        foreach (var load in loads)
        {
            sum += load.At(seconds);
        }
        return sum;
    }

    /// <summary>Mean real and reactive power over (from, to], as an energy register sees it.</summary>
    public static LoadPower Average(IReadOnlyList<ILoad> loads, double from, double to)
    {
        var steps = Math.Max(1, (int)Math.Ceiling((to - from) / MaxIntegrationStepSeconds));
        var dt = (to - from) / steps;
        var sum = LoadPower.Zero;
        for (var i = 1; i <= steps; i++)
        {
            sum += Instant(loads, from + (i * dt));
        }
        return sum * (1.0 / steps);
    }

    public static DateTimeOffset RoundToMilliseconds(DateTimeOffset time) =>
        new(time.Ticks - (time.Ticks % TimeSpan.TicksPerMillisecond), time.Offset);
}
