using ChargeWatch.Core.Rules.Flywire;

namespace ChargeWatch.Core.Rules.FlywireHousehold;

/// <summary>
/// One load seen switching on as a step of the meter's readings, kept until its switch-off step is
/// paired with it or the meter's level can no longer hold it.
/// </summary>
internal sealed class SwitchedLoad
{
    /// <summary>Event time of the last reading before the step: the load switched on after it.</summary>
    public long StartTicks { get; init; }

    /// <summary>Real power of the step (W).</summary>
    public double Watts { get; set; }

    /// <summary>The step as first measured, start-up surge and all (W).</summary>
    public double StepWatts { get; init; }

    /// <summary>True once <see cref="Watts"/> was re-measured on a quiet reading after the start-up.</summary>
    public bool Settled { get; set; }

    /// <summary>
    /// How much more than its running power the load drew when it switched on, as a share: a
    /// compressor's start-up minute draws 1.4 times its running power, a charger's capacitor input
    /// settles within a reading. NaN until re-measured.
    /// </summary>
    public double StartUpSurge => Settled && Watts > 0 ? (StepWatts / Watts) - 1 : double.NaN;

    /// <summary>Reactive power of the step (var); NaN when the meter reports no power factor.</summary>
    public double Vars { get; set; } = double.NaN;

    /// <summary>How far <see cref="Vars"/> may be off from the readings' pf rounding.</summary>
    public double VarsUncertainty { get; init; }

    /// <summary>The meter level the step rose from, and the readings' low at the time.</summary>
    public double BeforeWatts { get; init; }

    public bool HasVars => !double.IsNaN(Vars);

    /// <summary>
    /// The meter's floors (lowest real and reactive power of the floor window) when the step was seen:
    /// what stayed on before it. NaN until the detector has recorded them.
    /// </summary>
    public double FloorWattsBefore { get; set; } = double.NaN;

    public double FloorVarsBefore { get; set; } = double.NaN;

    /// <summary>
    /// The floors of the last few minutes before the step: what was on just before it, including a
    /// load switched on since the floor window began (a television switched on 20 min earlier).
    /// </summary>
    public double RecentFloorWattsBefore { get; set; } = double.NaN;

    public double RecentFloorVarsBefore { get; set; } = double.NaN;

    /// <summary>
    /// The floors of the readings without the big appliances (real and reactive) when the step was
    /// seen: the plain real floor until the filter has any, NaN until recorded or where the meter
    /// gives no reactive power.
    /// </summary>
    public double ResidualFloorWattsBefore { get; set; } = double.NaN;

    public double ResidualFloorVarsBefore { get; set; } = double.NaN;

    /// <summary>Since when the floors have carried this load (0 while they do not).</summary>
    public long FitsSinceTicks { get; set; }

    /// <summary>Power factor of the switched load itself, from its real and reactive step.</summary>
    public double? PowerFactor => PowerFactorMath.Of(Watts, Vars);

    /// <summary>Power factor of what the floors gained when they last carried this load (null before).</summary>
    public double? FloorsPowerFactor { get; set; }

    /// <summary>
    /// The power factor to state for this load: its step's, unless the readings' two-decimal pf left
    /// the step's reactive power uncertain by a quarter or more (a step on top of a heater); then the
    /// floors', which readings without the heater set.
    /// </summary>
    public double? BestPowerFactor => VarsUncertainty > 0.25 * Math.Abs(Vars) && FloorsPowerFactor is { } floors ? floors : PowerFactor;

    /// <summary>Event time the load was found gone; 0 while present.</summary>
    public long GoneTicks { get; set; }

    public bool Gone => GoneTicks != 0;

    /// <summary>True when a switch-off step was paired with it (rather than the meter's level ruling it out).</summary>
    public bool PairedOff { get; set; }

    public bool Fired { get; set; }

    /// <summary>Event time the load was last put to the candidate model and turned down (0: never).</summary>
    public long CandidateTicks { get; set; }

    /// <summary>True once <see cref="LastingSwitches"/> has judged whether it lasted a floor window.</summary>
    public bool Lasting { get; set; }

    /// <summary>An older open load of the same size when this one switched on (a refrigerator's earlier run, say).</summary>
    public SwitchedLoad? TwinOf { get; set; }

    /// <summary>
    /// For a big appliance taken out of a larger switch-on at its learned size: the load it left
    /// beside it, until the appliance's switch-off tells whether that was another load or its own.
    /// </summary>
    public SwitchedLoad? SplitOff { get; set; }
}
