namespace ChargeWatch.Simulator.Physics.Circuits;

/// <summary>How a meter measures and reports (contract §2 meter payload).</summary>
public sealed record MeterOptions
{
    /// <summary>Reporting interval, 1 s to 5 min.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>False for meters without power factor: <c>pf</c> is then absent from the payload.</summary>
    public bool ReportsPowerFactor { get; init; } = true;

    /// <summary>
    /// True: the reported <c>pf</c> is the displacement power factor, cos φ of the fundamental, as some
    /// meters give it; a charger then reads near 1. False: the true power factor, w / (v·a).
    /// </summary>
    public bool ReportsDisplacementPowerFactor { get; init; }

    /// <summary>Report <c>v</c> and <c>a</c> (most smart meters do).</summary>
    public bool ReportsVoltageAndCurrent { get; init; } = true;

    /// <summary>
    /// True: the reported power is the mean over the interval (energy-register meters). False: an
    /// instantaneous sample at the reporting time (which then also catches a charger's inrush).
    /// </summary>
    public bool Averaging { get; init; } = true;

    /// <summary>Relative standard deviation of the power reading (class 1 meters: well under 1 %).</summary>
    public double PowerNoise { get; init; } = 0.003;

    /// <summary>Absolute noise floor of the power reading, W.</summary>
    public double PowerNoiseWatts { get; init; } = 0.5;

    /// <summary>Relative standard deviation of each reporting interval (clock drift and scheduling).</summary>
    public double IntervalJitter { get; init; } = 0.01;

    /// <summary>Probability that one reading is lost (radio, gateway).</summary>
    public double DropoutProbability { get; init; } = 0.002;

    public static MeterOptions Validated(MeterOptions options)
    {
        if (options.Interval < TimeSpan.FromSeconds(1) || options.Interval > TimeSpan.FromMinutes(5))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Interval, "Meter interval must be 1 s to 5 min.");
        }
        return options;
    }
}
