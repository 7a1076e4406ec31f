namespace ChargeWatch.Core.Rules.FlywireHousehold;

public sealed partial class HouseholdSignatureDetector
{
    private static readonly long OpenStepEvery = TimeSpan.FromMinutes(5).Ticks;
    // The model learnt the floors' rise over 40 min, whatever LaggedRiseAfter is set to.
    private static readonly long CandidateLag = TimeSpan.FromMinutes(40).Ticks;
    private static readonly long LowsBeforeStart = TimeSpan.FromMinutes(16).Ticks;
    private static readonly long ShortRiseStretch = TimeSpan.FromMinutes(20).Ticks;
    // A load within this share of a candidate's size may be the same appliance (a refrigerator's earlier runs).
    private const double SimilarSizeShare = 0.15;
    // A refrigerator runs 10–30 min (contract §5); a run is timed from the reading before its
    // switch-on to a reading after its switch-off, so a few minutes either side.
    private static readonly long RefrigeratorRunMin = TimeSpan.FromMinutes(8).Ticks;
    private static readonly long RefrigeratorRunMax = TimeSpan.FromMinutes(35).Ticks;
    private readonly double[] _candidate = new double[CandidateFeatures.Count];
    private bool _powerFactorReported;
    private double _admittedProbability = double.NaN;
    private long _floorWindowAskedTicks;
    private long _shortRiseAskedTicks;
    private long _shortRiseLookedTicks;

    /// <summary>Every candidate the paths find, with its features and the model's probability (for the evaluation harness).</summary>
    internal Action<long, double[], double>? CandidateSeen { get; set; }

    /// <summary>
    /// Whether a candidate one of the paths found may fire: the candidate model's probability that it
    /// is a charger reaches <see cref="HouseholdSignatureOptions.CandidateProbabilityMin"/>, or
    /// <see cref="HouseholdSignatureOptions.NearDeadlineProbabilityMin"/> for a load about to be late
    /// (<see cref="HouseholdSignatureOptions.NewMeterNearDeadlineProbabilityMin"/> while the meter is new), or
    /// <see cref="HouseholdSignatureOptions.LongOnWithoutPowerFactorProbabilityMin"/> for one on longer
    /// than that on a meter without pf (always, with the first at 0 or no model trained). A meter that
    /// gives no reactive power has a model of its own (<see cref="AdmitWattsOnly"/>).
    /// </summary>
    private bool Admit(CandidatePath path, long startTicks, double watts, double vars, long ticks)
    {
        if (!_knowsVars)
        {
            return AdmitWattsOnly(path, startTicks, watts, ticks);
        }
        var min = _options.CandidateProbabilityMin;
        if (CandidateSeen is null && (min <= 0 || !CandidateModel.IsTrained))
        {
            _admittedProbability = double.NaN;
            return true;
        }
        Describe(path, startTicks, watts, vars, ticks);
        var probability = CandidateModel.IsTrained ? CandidateModel.Probability(_candidate) : 1;
        CandidateSeen?.Invoke(ticks, _candidate, probability);
        _admittedProbability = probability;
        var age = ticks - startTicks;
        return probability >= min
            || (IsNearDeadline(age) && probability >= NearDeadlineProbabilityMin(ticks))
            || (!_powerFactorReported && age > _options.NearDeadlineUntil.Ticks && probability >= _options.LongOnWithoutPowerFactorProbabilityMin);
    }

    /// <summary>
    /// A meter that gives neither pf nor volts and amps: the paths that need no reactive power (its
    /// taper, its floor's track) find the candidates, and a model of its own, trained on such meters,
    /// judges them (<see cref="HouseholdSignatureOptions.WattsOnlyProbabilityMin"/>; at 0, the paths alone).
    /// </summary>
    private bool AdmitWattsOnly(CandidatePath path, long startTicks, double watts, long ticks)
    {
        var min = _options.WattsOnlyProbabilityMin;
        if (CandidateSeen is null && (min <= 0 || !CandidateModel.IsWattsOnlyTrained))
        {
            _admittedProbability = double.NaN;
            return true;
        }
        Describe(path, startTicks, watts, double.NaN, ticks);
        var probability = CandidateModel.IsWattsOnlyTrained ? CandidateModel.WattsOnlyProbability(_candidate) : 1;
        CandidateSeen?.Invoke(ticks, _candidate, probability);
        _admittedProbability = probability;
        return probability >= min;
    }

    private double NearDeadlineProbabilityMin(long ticks) =>
        ticks - _firstTicks < _options.NewMeterFor.Ticks
            ? Math.Max(_options.NearDeadlineProbabilityMin, _options.NewMeterNearDeadlineProbabilityMin)
            : _options.NearDeadlineProbabilityMin;

    private bool IsNearDeadline(long ageTicks) =>
        ageTicks >= _options.NearDeadlineFrom.Ticks && ageTicks <= _options.NearDeadlineUntil.Ticks;

    private void Describe(CandidatePath path, long startTicks, double watts, double vars, long ticks)
    {
        var f = _candidate;
        f[CandidateFeatures.Path] = (int)path;
        f[CandidateFeatures.PowerFactorReported] = _powerFactorReported ? 1 : 0;
        f[CandidateFeatures.KnowsVars] = _knowsVars ? 1 : 0;
        f[CandidateFeatures.IntervalMinutes] = _intervalTicks / TimeSpan.TicksPerMinute;
        f[CandidateFeatures.LoadWatts] = watts;
        f[CandidateFeatures.LoadVarsRatio] = CandidateFeatures.OrMissing(vars / watts);
        f[CandidateFeatures.MinutesSinceStart] = Minutes(ticks - startTicks);
        f[CandidateFeatures.StartHour] = At(startTicks).TimeOfDay.TotalHours;
        f[CandidateFeatures.FloorAboveLow] = _floor.Watts - _steps.Low;
        f[CandidateFeatures.FloorWatts] = _floor.Watts;
        f[CandidateFeatures.VarsFloor] = _varsFloor.Count == 0 ? CandidateFeatures.Missing : _varsFloor.Watts;
        f[CandidateFeatures.FloorAboveResidual] = _residualFloor.Count == 0 ? CandidateFeatures.Missing : _floor.Watts - _residualFloor.Watts;
        f[CandidateFeatures.MinutesSinceQuiet] = Math.Min(240, Minutes(ticks - _lastQuietTicks));
        f[CandidateFeatures.MinutesSinceBusy] = Math.Min(240, Minutes(ticks - _busy.BusyTicks));
        f[CandidateFeatures.MinutesSinceBusyStrict] = Math.Min(240, Minutes(ticks - _busyForLaggedRise.BusyTicks));
        f[CandidateFeatures.OpenTracks] = OpenCount();
        f[CandidateFeatures.LastingBackingShare] = _lasting.NewestWattsBetween(startTicks - LaggedRiseBackingSlack, ticks) is { } backing
            ? backing / watts
            : CandidateFeatures.Missing;
        f[CandidateFeatures.BigLoadNearStart] = _bigLoads.SwitchedOnNear(startTicks, (long)_intervalTicks + TimeSpan.TicksPerMinute) ? 1 : 0;
        f[CandidateFeatures.ReadingAboveFloor] = _steps.LastWatts - _floor.Watts;
        f[CandidateFeatures.BigLoadsOpenWatts] = _bigLoads.OpenWatts;
        var now = CurrentFloors();
        var lagged = _floorHistory.TryAt(ticks - CandidateLag, out var before);
        f[CandidateFeatures.FloorRise40] = lagged ? now.Watts - before.Watts : CandidateFeatures.Missing;
        f[CandidateFeatures.VarsFloorRise40] = lagged ? CandidateFeatures.OrMissing(now.Vars - before.Vars) : CandidateFeatures.Missing;
        f[CandidateFeatures.ResidualFloorRise40] = lagged ? CandidateFeatures.OrMissing(now.ResidualWatts - before.ResidualWatts) : CandidateFeatures.Missing;
        f[CandidateFeatures.ResidualVarsRise40] = lagged ? CandidateFeatures.OrMissing(now.ResidualVars - before.ResidualVars) : CandidateFeatures.Missing;
        var atStart = _floorHistory.TryAt(startTicks, out var start);
        f[CandidateFeatures.FloorRiseSinceStart] = atStart ? now.Watts - start.Watts : CandidateFeatures.Missing;
        f[CandidateFeatures.VarsFloorRiseSinceStart] = atStart ? CandidateFeatures.OrMissing(now.Vars - start.Vars) : CandidateFeatures.Missing;
        f[CandidateFeatures.FloorCarriesShare] = atStart ? (now.Watts - start.Watts) / watts : CandidateFeatures.Missing;
        f[CandidateFeatures.ResidualCarriesShare] = atStart ? (now.ResidualWatts - start.ResidualWatts) / watts : CandidateFeatures.Missing;
        f[CandidateFeatures.VarsCarriesShare] = atStart ? CandidateFeatures.OrMissing((now.Vars - start.Vars) / vars) : CandidateFeatures.Missing;
        f[CandidateFeatures.BigLoadsRatio] = _ratioBlindRatio;
        // Floors taken along another ratio (before the air conditioner was known) compare nothing.
        var blindLagged = lagged && ticks - CandidateLag >= _ratioBlindSinceTicks;
        var blindAtStart = atStart && startTicks >= _ratioBlindSinceTicks;
        f[CandidateFeatures.RatioBlindRise40] = blindLagged ? CandidateFeatures.OrMissing(now.RatioBlindVars - before.RatioBlindVars) : CandidateFeatures.Missing;
        f[CandidateFeatures.RatioBlindRiseSinceStart] = blindAtStart ? CandidateFeatures.OrMissing(now.RatioBlindVars - start.RatioBlindVars) : CandidateFeatures.Missing;
        // What the candidate adds along that ratio: too little to measure for a load at the big appliances' own power factor.
        var blindVars = vars - (_ratioBlindRatio * watts);
        f[CandidateFeatures.RatioBlindCarriesShare] = blindAtStart && blindVars >= 20
            ? CandidateFeatures.OrMissing((now.RatioBlindVars - start.RatioBlindVars) / blindVars)
            : CandidateFeatures.Missing;
        // The lows since the load switched on (its first readings left out: an averaging meter's half
        // step) against the quarter hour before it: whether it stayed on, which the floors only say
        // once their window has passed over its start.
        var since = _minuteLows.Between(startTicks + (long)_intervalTicks + TimeSpan.TicksPerMinute, ticks);
        var prior = _minuteLows.Between(startTicks - LowsBeforeStart, startTicks - TimeSpan.TicksPerMinute);
        f[CandidateFeatures.LowRiseSinceStart] = CandidateFeatures.OrMissing(since.Watts - prior.Watts);
        f[CandidateFeatures.ResidualLowRiseSinceStart] = CandidateFeatures.OrMissing(since.ResidualWatts - prior.ResidualWatts);
        f[CandidateFeatures.ResidualVarsLowRiseSinceStart] = CandidateFeatures.OrMissing(since.ResidualVars - prior.ResidualVars);
        var (openLoads, similar) = (0, 0);
        var surge = double.NaN;
        foreach (var load in _steps.Loads)
        {
            // The candidate's own switch-on, where one was seen: its step of about the candidate's size.
            if (Math.Abs(load.StartTicks - startTicks) <= _intervalTicks + TimeSpan.TicksPerMinute && Math.Abs(load.Watts - watts) <= 0.3 * watts)
            {
                surge = load.StartUpSurge;
            }
            openLoads += load.Gone ? 0 : 1;
            // A refrigerator's earlier runs: switched on and off again at about this size.
            similar += load.PairedOff && Math.Abs(load.Watts - watts) <= SimilarSizeShare * watts ? 1 : 0;
        }
        f[CandidateFeatures.OpenLoads] = openLoads;
        f[CandidateFeatures.SimilarLoadsPairedOff] = similar;
        f[CandidateFeatures.StartUpSurge] = CandidateFeatures.OrMissing(surge);
        var longestRun = _steps.Runs.LongestNear(watts, SimilarSizeShare);
        f[CandidateFeatures.SimilarRunLongestMinutes] = longestRun > 0 ? Minutes(longestRun) : CandidateFeatures.Missing;
        f[CandidateFeatures.RefrigeratorLikeRuns] = _steps.Runs.CountLasting(RefrigeratorRunMin, RefrigeratorRunMax);
        f[CandidateFeatures.NearestRefrigeratorLikeGap] = CandidateFeatures.OrMissing(
            _steps.Runs.NearestGap(watts, vars / watts, RefrigeratorRunMin, RefrigeratorRunMax));
        // Whether the meter averages or samples (SwitchSpread): a washing machine's bursts and a
        // heater's switching look different on the two.
        f[CandidateFeatures.SwitchSteps] = _switchSpread.Steps;
        f[CandidateFeatures.SwitchSpreadShare] = _switchSpread.Steps == 0 ? CandidateFeatures.Missing : (double)_switchSpread.Spread / _switchSpread.Steps;
    }

    /// <summary>
    /// A charger-like step still on <see cref="HouseholdSignatureOptions.OpenStepAfter"/> after it
    /// switched on, put to the candidate model every few minutes before the floors have carried it for
    /// a window (only with a model, or while candidates are collected to train one: without a model
    /// every such step would fire).
    /// </summary>
    private HouseholdChange DecideByOpenSteps(long ticks)
    {
        var after = _options.OpenStepAfter.Ticks;
        if (after <= 0 || !ModelJudges)
        {
            return HouseholdChange.None;
        }
        foreach (var load in _steps.Loads)
        {
            if (load.Gone || load.Fired || ticks - load.StartTicks < after || AskedLately(load, ticks)
                || load.Watts < _options.MinWatts || load.Watts > _options.MaxWatts
                || load.PowerFactor is not { } pf || pf > _options.ChargerPowerFactorMax)
            {
                continue;
            }
            load.CandidateTicks = ticks;
            if (!Admit(CandidatePath.OpenStep, load.StartTicks, load.Watts, load.Vars, ticks))
            {
                continue;
            }
            load.Fired = true;
            _stepFiring = load;
            Evidence = EvidenceOf(load, ticks);
            return HouseholdChange.Fired;
        }
        return HouseholdChange.None;
    }

    /// <summary>
    /// The floors against what they were 40 min ago: risen by a charger's size at a charger's
    /// reactive-to-real ratio, put to the candidate model every
    /// <see cref="HouseholdSignatureOptions.FloorWindowEvery"/> whatever switched. Dated from the
    /// lasting switch-on behind it or, with none (a composite step), from when the floor rose, less a window.
    /// </summary>
    private HouseholdChange DecideByFloorWindow(long ticks)
    {
        var every = _options.FloorWindowEvery.Ticks;
        if (every <= 0 || !ModelJudges || ticks - _floorWindowAskedTicks < every || _varsFloor.Count == 0
            || !_floorHistory.TryAt(ticks - CandidateLag, out var before) || double.IsNaN(before.Vars))
        {
            return HouseholdChange.None;
        }
        var now = CurrentFloors();
        var addedWatts = now.Watts - before.Watts;
        var addedVars = now.Vars - before.Vars;
        if (!IsChargerSize(addedWatts) || !ChargerRatio.Holds(addedWatts, addedVars))
        {
            return HouseholdChange.None;
        }
        _floorWindowAskedTicks = ticks;
        var startTicks = _lasting.StartBetween(ticks - CandidateLag - LaggedRiseBackingSlack, ticks, LaggedRiseBackingMinShare * addedWatts, LaggedRiseBackingMaxShare * addedWatts)
            ?? _floorHistory.FirstReaching(ticks - CandidateLag, ticks, before.Watts + (0.5 * addedWatts)) - _window.Ticks;
        if (!Admit(CandidatePath.FloorWindow, startTicks, addedWatts, addedVars, ticks))
        {
            return HouseholdChange.None;
        }
        return FireOnTheFloors(startTicks, addedWatts, addedVars, before.Watts, ticks);
    }

    /// <summary>
    /// The lowest readings without the big appliances over the last 20 minutes against the 20 before:
    /// risen by a charger's size at a charger's reactive-to-real ratio, put to the candidate model every
    /// <see cref="HouseholdSignatureOptions.ShortRiseEvery"/>. A charger plugged in as an air
    /// conditioner or a rice cooker switches off leaves no step of its own, and the floors carry it only
    /// once their 37-minute window has passed over its start — too late for contract §5's 45 minutes.
    /// Dated from the minute after which the lows stayed above half the rise.
    /// </summary>
    private HouseholdChange DecideByShortRise(long ticks)
    {
        var every = _options.ShortRiseEvery.Ticks;
        // The lows change by the minute: looking more often finds nothing new.
        if (every <= 0 || !ModelJudges || ticks - _shortRiseAskedTicks < every || ticks - _shortRiseLookedTicks < TimeSpan.TicksPerMinute)
        {
            return HouseholdChange.None;
        }
        _shortRiseLookedTicks = ticks;
        var recent = _minuteLows.Between(ticks - ShortRiseStretch, ticks);
        var earlier = _minuteLows.Between(ticks - (2 * ShortRiseStretch), ticks - ShortRiseStretch - 1);
        var addedWatts = recent.ResidualWatts - earlier.ResidualWatts;
        var addedVars = recent.ResidualVars - earlier.ResidualVars;
        if (!IsChargerSize(addedWatts) || !ChargerRatio.Holds(addedWatts, addedVars))
        {
            return HouseholdChange.None;
        }
        _shortRiseAskedTicks = ticks;
        var startTicks = _minuteLows.RisenSince(ticks - (2 * ShortRiseStretch), ticks, earlier.ResidualWatts + (0.5 * addedWatts));
        if (!Admit(CandidatePath.ShortRise, startTicks, addedWatts, addedVars, ticks))
        {
            return HouseholdChange.None;
        }
        return FireOnTheFloors(startTicks, addedWatts, addedVars, earlier.Watts, ticks);
    }

    /// <summary>
    /// Whether the paths that only the model can judge ask at all: with a model, or while candidates
    /// are collected to train one (CandidateSeen set) — without either, every such candidate would fire.
    /// </summary>
    private bool ModelJudges => CandidateSeen is not null || (_options.CandidateProbabilityMin > 0 && CandidateModel.IsTrained);

    /// <summary>Whether the model was asked about this load (and turned it down) within the last few minutes.</summary>
    private static bool AskedLately(SwitchedLoad load, long ticks) => ticks - load.CandidateTicks < OpenStepEvery;

    private static double Minutes(long ticks) => (double)ticks / TimeSpan.TicksPerMinute;
}
