namespace ChargeWatch.Simulator.Physics.Chargers;

/// <summary>
/// One charge of one pack from plug-in (<see cref="StartSeconds"/>) on: the socket power curve
/// step → plateau (slowly rising) → exponential taper → float/standby. Pure function of time.
/// Unplugging is the caller's business (a port or circuit stops asking after it).
/// </summary>
public sealed class ChargeSession(ChargerProfile profile, double startSeconds, string name = "ebike-charger") : ILoad
{
    /// <summary>Below this socket power for <see cref="AutoStopHold"/> a pile declares the port full.</summary>
    public const double AutoStopWatts = 15;

    public static readonly TimeSpan AutoStopHold = TimeSpan.FromSeconds(60);

    private readonly double _plateauSeconds = profile.PlateauDuration.TotalSeconds;
    private readonly double _taperSeconds = profile.TaperDuration.TotalSeconds;
    // Exponential decay that reaches the cut-off fraction exactly at the end of the taper.
    private readonly double _taperTau = profile.TaperDuration.TotalSeconds / Math.Log(1 / profile.TaperCutoff);

    public string Name { get; } = name;

    public ChargerProfile Profile { get; } = profile;

    public double StartSeconds { get; } = startSeconds;

    public double TaperStartSeconds => StartSeconds + _plateauSeconds;

    public double ChargeEndSeconds => TaperStartSeconds + _taperSeconds;

    /// <summary>
    /// When a pile's auto-stop (&lt; 15 W held for 60 s) ends the session; null when the charger
    /// never falls below 15 W (a float above 15 W: a charger that never stops).
    /// </summary>
    public double? AutoStopSeconds
    {
        get
        {
            var below = FirstSecondsBelow(AutoStopWatts);
            return below is { } s ? s + AutoStopHold.TotalSeconds : null;
        }
    }

    public ChargePhase PhaseAt(double seconds) =>
        seconds < StartSeconds ? ChargePhase.NotStarted
        : seconds < TaperStartSeconds ? ChargePhase.Plateau
        : seconds < ChargeEndSeconds ? ChargePhase.Taper
        : ChargePhase.Done;

    public double WattsAt(double seconds)
    {
        var t = seconds - StartSeconds;
        if (t < 0)
        {
            return 0;
        }
        if (t < _plateauSeconds)
        {
            // Pack voltage rises fast at first, then slowly: a concave rise over the plateau.
            var x = t / _plateauSeconds;
            return Profile.PlateauWatts * (1 + (Profile.PlateauRise * Math.Sqrt(x)));
        }
        var taper = t - _plateauSeconds;
        if (taper < _taperSeconds)
        {
            var watts = Profile.PlateauEndWatts * Math.Exp(-taper / _taperTau);
            return Math.Max(watts, Profile.FloatWatts);
        }
        return Profile.FloatWatts;
    }

    public double PowerFactorAt(double seconds)
    {
        var watts = WattsAt(seconds);
        if (watts <= 0)
        {
            return 1;
        }
        // Capacitor-input supplies draw ever more peaky current at light load: pf falls with load.
        var load = Math.Clamp(watts / Profile.PlateauEndWatts, 0, 1);
        return Math.Max(0.25, Profile.PowerFactor * (0.65 + (0.35 * load)));
    }

    public LoadPower At(double seconds) =>
        LoadPower.FromPowerFactor(WattsAt(seconds), PowerFactorAt(seconds)).WithDisplacementPowerFactor(LoadPower.SwitchModeDisplacementPowerFactor);

    /// <summary>First time the socket power is below <paramref name="watts"/> after the plateau, or null.</summary>
    public double? FirstSecondsBelow(double watts)
    {
        if (Profile.PlateauWatts < watts)
        {
            return StartSeconds;
        }
        var cutoffWatts = Profile.PlateauEndWatts * Profile.TaperCutoff;
        if (cutoffWatts < watts && Profile.FloatWatts < watts)
        {
            // Solve P_end·exp(-τ'/tau) = watts within the taper.
            var taper = _taperTau * Math.Log(Profile.PlateauEndWatts / watts);
            return TaperStartSeconds + taper;
        }
        return Profile.FloatWatts < watts ? ChargeEndSeconds : null;
    }
}
