namespace ChargeWatch.Core.Rules.FlywireHousehold;

/// <summary>
/// One load the floor showed switching on, followed until it is gone: how much it adds now, the
/// plateau it held, whether it has fallen in a taper's shape, and its power factor.
/// </summary>
internal sealed class LoadTrack
{
    /// <summary>Estimated switch-on: the floor rises one window after the load appeared.</summary>
    public long StartTicks { get; init; }

    /// <summary>Watts currently attributed to this load.</summary>
    public double Level { get; set; }

    /// <summary>Level smoothed over a few minutes, so that a brief high reading does not set the plateau.</summary>
    public double Smoothed { get; set; }

    /// <summary>Highest smoothed level since the last switching event: the constant-current plateau of a charger.</summary>
    public double Plateau { get; set; }

    public long PlateauAtTicks { get; set; }

    public bool TaperSeen { get; set; }

    public long TaperSeenTicks { get; set; }

    /// <summary>When the floor showed the load (one window after it appeared).</summary>
    public long OpenedTicks { get; init; }

    /// <summary>Since when the level has stayed within a band around <see cref="SteadyLevel"/>: a charger holds steady.</summary>
    public long SteadySinceTicks { get; set; }

    public double SteadyLevel { get; set; }

    /// <summary>
    /// Set when the floor that opened the track collapsed in a way no single load explains: appliances
    /// taking turns (an air conditioner cycling while the refrigerator runs) lifted it, not one load.
    /// </summary>
    public bool Unsteady { get; set; }

    public double PowerFactorMin { get; set; } = double.MaxValue;

    public double PowerFactorMax { get; set; }

    public double PowerFactorSum { get; set; }

    public int PowerFactorSamples { get; set; }

    /// <summary>Operating point before the load appeared, for its power factor.</summary>
    public double BeforeWatts { get; init; }

    public double? BeforeVoltAmps { get; init; }

    /// <summary>The reactive-power floor before the rise (var); NaN without a power factor.</summary>
    public double BeforeVars { get; init; } = double.NaN;

    /// <summary>Since when the floors have shown a charger-like rise (0 while they do not).</summary>
    public long FitsSinceTicks { get; set; }

    /// <summary>The rise has fired once (with pf, through the switched load it became).</summary>
    public bool FloorRiseFired { get; set; }

    /// <summary>Since when the load has been gone; 0 while present.</summary>
    public long GoneSinceTicks { get; set; }

    /// <summary>Ended by a step down: no longer part of the floor, waiting only to resolve.</summary>
    public bool Closed { get; set; }

    public double? PowerFactor => PowerFactorSamples > 0 ? PowerFactorSum / PowerFactorSamples : null;

    public void ResetPowerFactor()
    {
        PowerFactorSum = 0;
        PowerFactorSamples = 0;
        PowerFactorMin = double.MaxValue;
        PowerFactorMax = 0;
    }

    public void AddPowerFactorSample(double? pf)
    {
        if (pf is { } value && value is > 0 and <= 1.0)
        {
            PowerFactorSum += value;
            PowerFactorMin = Math.Min(PowerFactorMin, value);
            PowerFactorMax = Math.Max(PowerFactorMax, value);
            PowerFactorSamples++;
        }
    }
}
