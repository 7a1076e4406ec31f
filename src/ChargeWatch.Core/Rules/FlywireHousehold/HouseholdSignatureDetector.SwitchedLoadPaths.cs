using ChargeWatch.Core.Rules.Flywire;

namespace ChargeWatch.Core.Rules.FlywireHousehold;

// The paths for meters that give reactive power: a switched load's step carried by the floors, the
// floors' rise soon after a track opened, and the floors against what they were 40 min before.
public sealed partial class HouseholdSignatureDetector
{
    private bool IsChargerSize(double watts) => watts >= _options.MinWatts && watts <= _options.MaxWatts;

    private void RecordFloorsBeforeSteps()
    {
        var loads = _steps.Loads;
        if (loads.Count == 0 || !double.IsNaN(loads[^1].FloorWattsBefore))
        {
            return;
        }
        var floors = CurrentFloors();
        for (var i = loads.Count - 1; i >= 0 && double.IsNaN(loads[i].FloorWattsBefore); i--)
        {
            loads[i].FloorWattsBefore = floors.Watts;
            loads[i].FloorVarsBefore = floors.Vars;
            loads[i].RecentFloorWattsBefore = _recentFloorBefore;
            loads[i].RecentFloorVarsBefore = _recentVarsFloorBefore;
            loads[i].ResidualFloorWattsBefore = floors.ResidualWatts;
            loads[i].ResidualFloorVarsBefore = floors.ResidualVars;
        }
    }

    /// <summary>
    /// A switched load persists when the floors (lowest real and reactive power of the window) have
    /// risen by its step, in both real and reactive power, since just before it: every reading of a
    /// whole window, longer than any refrigerator run, carried it. "Before" is the floors of the
    /// window before the step or, failing that, of its last few minutes (round seven): a television
    /// switched on twenty minutes before the charger was not yet in the first but is in the floors
    /// now. A quiet reading (no big appliance on) must have been seen after the longest refrigerator
    /// run, or a heater switched on during the refrigerator's run would hold the floor up for it; and
    /// the fit must hold for a few minutes.
    /// </summary>
    private bool PersistsOnFloors(SwitchedLoad load, long ticks)
    {
        if (_floor.OldestTicks <= load.StartTicks + (long)_intervalTicks || double.IsNaN(load.FloorWattsBefore) || double.IsNaN(load.FloorVarsBefore)
            || _lastQuietTicks < load.StartTicks + _options.QuietAfter.Ticks)
        {
            return false;
        }
        // Without the big appliances the load must still be there: a refrigerator whose runs took
        // turns with a heater's held the plain floor, not this one. Measured against the same floors
        // before the step (round eight; until then the plain ones, which a big appliance on all along
        // held above them).
        var residualVarsBefore = double.IsNaN(load.ResidualFloorVarsBefore) ? load.FloorVarsBefore : load.ResidualFloorVarsBefore;
        var heldWithoutBigLoads = (_residualFloor.Count == 0 || _residualFloor.Watts - load.ResidualFloorWattsBefore >= _options.ResidualFloorShare * load.Watts)
            && ResidualVarsHold(residualVarsBefore, load.Vars);
        var fits = heldWithoutBigLoads
            && (FloorsCarry(load, load.FloorWattsBefore, load.FloorVarsBefore) || FloorsCarry(load, load.RecentFloorWattsBefore, load.RecentFloorVarsBefore));
        if (!fits)
        {
            load.FitsSinceTicks = 0;
            return false;
        }
        if (load.FitsSinceTicks == 0)
        {
            load.FitsSinceTicks = ticks;
        }
        return ticks - load.FitsSinceTicks >= _options.PersistFor.Ticks;
    }

    /// <summary>
    /// Whether the floors now exceed the given floors by the load's real and reactive step, and what
    /// they gained has a charger's power factor itself: a step measured on top of a heater reads the
    /// meter's two-decimal pf near 1, where one hundredth is hundreds of var, so a television switched
    /// on then can look like pf 0.6; the floors, set by readings without the heater, show its own.
    /// </summary>
    private bool FloorsCarry(SwitchedLoad load, double wattsBefore, double varsBefore)
    {
        var addedWatts = _floor.Watts - wattsBefore;
        var addedVars = _varsFloor.Watts - varsBefore;
        var carries = Math.Abs(addedWatts - load.Watts) <= (_options.PersistWattsTolerance * load.Watts) + 15
            && Math.Abs(addedVars - load.Vars) <= (_options.PersistVarsTolerance * Math.Abs(load.Vars)) + 15 + load.VarsUncertainty
            && PowerFactorMath.Of(addedWatts, addedVars) <= _options.ChargerPowerFactorMax + 0.05;
        if (carries)
        {
            load.FloorsPowerFactor = PowerFactorMath.Of(addedWatts, addedVars);
        }
        return carries;
    }

    private HouseholdChange DecideBySteps(long ticks)
    {
        if (_stepFiring is { } firing)
        {
            if (firing.Gone && ticks - firing.GoneTicks >= _options.ResolveAfter.Ticks)
            {
                GoneAt = At(firing.GoneTicks);
                _stepFiring = null;
                _steps.Remove(firing);
                return HouseholdChange.Resolved;
            }
            if (!firing.Gone)
            {
                Evidence = EvidenceOf(firing, ticks);
            }
            return HouseholdChange.None;
        }
        foreach (var load in _steps.Loads)
        {
            if (load.Gone || load.Fired
                || load.Watts < _options.StepMinWatts || load.Watts > _options.MaxWatts
                || load.PowerFactor is not { } pf || pf > _options.ChargerPowerFactorMax
                || _steps.HasOpenTwin(load) || ticks - _busy.BusyTicks <= BusyHold || !PersistsOnFloors(load, ticks))
            {
                continue;
            }
            if (AskedLately(load, ticks))
            {
                continue;
            }
            if (!Admit(CandidatePath.Step, load.StartTicks, load.Watts, load.Vars, ticks))
            {
                // Asked again every few minutes, as an open step is: what turned it down (a meter busy
                // with a washing machine, a refrigerator of its size) may have passed.
                load.CandidateTicks = ticks;
                continue;
            }
            load.Fired = true;
            _stepFiring = load;
            Evidence = EvidenceOf(load, ticks);
            return HouseholdChange.Fired;
        }
        var byFloorRise = DecideByFloorRise(ticks);
        return byFloorRise != HouseholdChange.None ? byFloorRise : DecideByOpenSteps(ticks);
    }

    /// <summary>
    /// A charger switched on in the same reading as something else switched off shows no step; its
    /// floor track does show it: the real and reactive floors rose together, at a charger's ratio
    /// (reactive 0.9–2.1 times real: pf 0.43–0.74), soon after the rise (later the floors also carry
    /// whatever switched on since), held for <see cref="HouseholdSignatureOptions.PersistFor"/>, with
    /// a quiet reading after the rise.
    /// </summary>
    private HouseholdChange DecideByFloorRise(long ticks)
    {
        foreach (var track in _tracks)
        {
            if (track.Closed || track.Unsteady || track.GoneSinceTicks != 0 || double.IsNaN(track.BeforeVars) || track.FloorRiseFired
                || ticks - track.OpenedTicks > _options.FloorRiseWithin.Ticks)
            {
                continue;
            }
            var addedWatts = _floor.Watts - track.BeforeWatts;
            var addedVars = _varsFloor.Watts - track.BeforeVars;
            // A rise whose window began as a big appliance switched on may be that appliance's run
            // having bridged the time before a refrigerator's (which switched on hidden in its
            // switch-off); then the readings without the big appliance do not carry the rise.
            var bridgedByBigLoad = _bigLoads.SwitchedOnNear(track.StartTicks, (long)_intervalTicks + TimeSpan.TicksPerMinute)
                && _residualFloor.Count > 0 && _residualFloor.Watts - track.BeforeWatts < _options.ResidualFloorShare * addedWatts;
            var fits = addedWatts >= _options.FloorRiseMinWatts && addedWatts <= _options.MaxWatts
                && ChargerRatio.Holds(addedWatts, addedVars) && !bridgedByBigLoad && ResidualVarsHold(track.BeforeVars, addedVars)
                && _lastQuietTicks > track.OpenedTicks && ticks - _busy.BusyTicks > BusyHold;
            if (!fits)
            {
                track.FitsSinceTicks = 0;
                continue;
            }
            track.FitsSinceTicks = track.FitsSinceTicks == 0 ? ticks : track.FitsSinceTicks;
            if (ticks - track.FitsSinceTicks < _options.PersistFor.Ticks)
            {
                continue;
            }
            track.FloorRiseFired = true;
            if (!Admit(CandidatePath.FloorRise, track.StartTicks, addedWatts, addedVars, ticks))
            {
                continue;
            }
            return FireOnTheFloors(track.StartTicks, addedWatts, addedVars, track.BeforeWatts, ticks);
        }
        return HouseholdChange.None;
    }

    /// <summary>
    /// The floors against what they were <see cref="HouseholdSignatureOptions.LaggedRiseAfter"/> ago:
    /// risen by a charger's size at a charger's reactive-to-real ratio, also without the big appliances,
    /// with a lasting charger-like switch-on of about that size since, a quiet reading lately and the
    /// meter not busy, for <see cref="HouseholdSignatureOptions.PersistFor"/>. Lights and a laptop
    /// switched on one by one also raise the floors at such a ratio; they never switched on as one load
    /// of that size.
    /// </summary>
    private HouseholdChange DecideByLaggedRise(long ticks)
    {
        var lag = _options.LaggedRiseAfter.Ticks;
        if (lag <= 0 || _varsFloor.Count == 0 || !_floorHistory.TryAt(ticks - lag, out var before) || double.IsNaN(before.Vars))
        {
            _laggedRiseFitsSince = 0;
            return HouseholdChange.None;
        }
        var now = CurrentFloors();
        var addedWatts = now.Watts - before.Watts;
        var addedVars = now.Vars - before.Vars;
        var switchedOn = addedWatts >= _options.StepMinWatts && addedWatts <= _options.MaxWatts && ChargerRatio.Holds(addedWatts, addedVars)
            && now.ResidualWatts - before.ResidualWatts >= _options.LaggedRiseResidualShare * addedWatts
            && (double.IsNaN(now.ResidualVars) || double.IsNaN(before.ResidualVars)
                || now.ResidualVars - before.ResidualVars >= _options.ResidualVarsFloorShare * addedVars)
            && ticks - _lastQuietTicks <= LaggedRiseQuietWithin
            && ticks - _busyForLaggedRise.BusyTicks > BusyHold
                ? _lasting.StartBetween(ticks - lag - LaggedRiseBackingSlack, ticks, LaggedRiseBackingMinShare * addedWatts, LaggedRiseBackingMaxShare * addedWatts)
                : null;
        if (switchedOn is not { } startTicks)
        {
            _laggedRiseFitsSince = 0;
            return HouseholdChange.None;
        }
        _laggedRiseFitsSince = _laggedRiseFitsSince == 0 ? ticks : _laggedRiseFitsSince;
        if (ticks - _laggedRiseFitsSince < _options.PersistFor.Ticks)
        {
            return HouseholdChange.None;
        }
        _laggedRiseFitsSince = 0;
        if (!Admit(CandidatePath.LaggedRise, startTicks, addedWatts, addedVars, ticks))
        {
            return HouseholdChange.None;
        }
        return FireOnTheFloors(startTicks, addedWatts, addedVars, before.Watts, ticks);
    }

    /// <summary>
    /// Fires for a load the floors show rather than a step: it joins the switched loads, so that its
    /// switch-off is followed like any other's.
    /// </summary>
    private HouseholdChange FireOnTheFloors(long startTicks, double watts, double vars, double beforeWatts, long ticks)
    {
        var load = new SwitchedLoad { StartTicks = startTicks, Watts = watts, Vars = vars, BeforeWatts = beforeWatts, Fired = true };
        _steps.Adopt(load);
        _stepFiring = load;
        Evidence = EvidenceOf(load, ticks);
        return HouseholdChange.Fired;
    }

    private FloorHistory.Floors CurrentFloors() => new(
        _floor.Watts,
        _varsFloor.Count == 0 ? double.NaN : _varsFloor.Watts,
        _residualFloor.Count == 0 ? _floor.Watts : _residualFloor.Watts,
        _residualVarsFloor.Count == 0 ? double.NaN : _residualVarsFloor.Watts,
        _ratioBlindFloor.Count == 0 ? double.NaN : _ratioBlindFloor.Watts);

    /// <summary>
    /// Whether the reactive floor without the big appliances has risen by
    /// <see cref="HouseholdSignatureOptions.ResidualVarsFloorShare"/> of a load's reactive step since
    /// <paramref name="varsBefore"/> (true where either is unknown).
    /// </summary>
    private bool ResidualVarsHold(double varsBefore, double loadVars) =>
        _residualVarsFloor.Count == 0 || double.IsNaN(varsBefore) || double.IsNaN(loadVars)
        || _residualVarsFloor.Watts - varsBefore >= _options.ResidualVarsFloorShare * loadVars;

    private HouseholdEvidence EvidenceOf(SwitchedLoad load, long ticks) =>
        new(At(load.StartTicks), Math.Max(0, _steps.LastWatts - _steps.Low), load.Watts, load.BestPowerFactor,
            TimeSpan.FromTicks(ticks - load.StartTicks), false, double.IsNaN(_admittedProbability) ? 0.9 : Math.Round(_admittedProbability, 2));
}
