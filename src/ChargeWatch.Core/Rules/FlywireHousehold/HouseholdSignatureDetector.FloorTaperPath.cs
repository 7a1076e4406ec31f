namespace ChargeWatch.Core.Rules.FlywireHousehold;

// The floor's own taper: the main evidence without pf, the fallback with it.
public sealed partial class HouseholdSignatureDetector
{
    /// <summary>
    /// Without a power factor, the floor's own taper fires too (the tracks can split or misattribute
    /// a charger whose step an averaging meter spread); it resolves once the floor is back within
    /// <see cref="HouseholdSignatureOptions.GoneFraction"/> of the plateau above the household's low.
    /// </summary>
    private HouseholdChange DecideByFloorTaper(long ticks)
    {
        var low = _steps.Low;
        if (_taperFiringWatts > 0)
        {
            var gone = _floor.Watts - low < Math.Max(_options.GoneFraction * _taperFiringWatts, 10);
            if (!gone)
            {
                _taperGoneTicks = 0;
                return HouseholdChange.None;
            }
            _taperGoneTicks = _taperGoneTicks == 0 ? ticks : _taperGoneTicks;
            if (ticks - _taperGoneTicks < _options.ResolveAfter.Ticks)
            {
                return HouseholdChange.None;
            }
            GoneAt = At(_taperGoneTicks);
            _taperFiringWatts = 0;
            _taperGoneTicks = 0;
            return HouseholdChange.Resolved;
        }
        // What tapers must have switched on as a charger and stayed (reactive power tells, where the
        // meter gives it): a television's flicker or lights going off one by one never did. (Round five
        // asked the fall itself for a charger's ratio of reactive to real power; but a charger's pf falls
        // with its load, so its taper sheds much less reactive than real power, and that test failed
        // real tapers.)
        double plateauWatts;
        long plateauFrom;
        double? backing;
        if (_pendingTaper.Confirmed(ticks, _floor.Watts, _stepFree.Value))
        {
            (plateauWatts, plateauFrom, backing) = (_pendingTaper.PlateauWatts, _pendingTaper.PlateauFromTicks, _pendingTaper.Backing);
        }
        else
        {
            if (!_floorTaper.Seen(ticks, low, unbroken: !_reportsPowerFactor))
            {
                return HouseholdChange.None;
            }
            (plateauWatts, plateauFrom) = (_floorTaper.PlateauWatts, _floorTaper.PlateauFromTicks);
            backing = _knowsVars ? _lasting.Backing(plateauWatts, plateauFrom) : null;
            if (_knowsVars && backing is null)
            {
                return HouseholdChange.None;
            }
            if (_reportsPowerFactor)
            {
                // With pf this is the fallback, late anyway: a few minutes more tell a taper that goes on.
                if (!_pendingTaper.IsPending)
                {
                    _pendingTaper.Start(ticks, _floor.Watts, _stepFree.Value, low, plateauWatts, plateauFrom, backing);
                }
                return HouseholdChange.None;
            }
        }
        if (!Admit(CandidatePath.Taper, plateauFrom, plateauWatts, double.NaN, ticks))
        {
            return HouseholdChange.None;
        }
        _taperFiringWatts = plateauWatts;
        var started = At(plateauFrom);
        var plateau = TimeSpan.FromTicks(Math.Max(0, ticks - _options.FloorTaperWindow.Ticks - plateauFrom));
        double? powerFactor = _reportsPowerFactor ? backing : null;
        Evidence = new HouseholdEvidence(started, Math.Max(0, _floor.Watts - low), _taperFiringWatts, powerFactor, plateau, true, double.IsNaN(_admittedProbability) ? 0.85 : Math.Round(_admittedProbability, 2));
        return HouseholdChange.Fired;
    }
}
