using ChargeWatch.Core.Rules.Flywire;

namespace ChargeWatch.Core.Rules.FlywireHousehold;

/// <summary>
/// Recognises an e-bike charger on one household meter (contract §5) from its readings alone.
/// The rolling floor removes every appliance that switches off within the window (refrigerators,
/// cookers, kettles, cycling heaters); what lifts it is split into tracked loads: a rise of the
/// floor opens a track, a fall that matches a track closes it, and slow changes belong to the
/// newest plausible track (a charger's creeping plateau and its taper). Several paths find candidate
/// chargers: on meters without reactive power a track whose evidence — size, power factor, plateau,
/// taper, time of day — reaches <see cref="HouseholdSignatureOptions.FireConfidence"/>, and the
/// floor's own taper (FloorTaperPath); with it, switched loads and the floors' rises
/// (SwitchedLoadPaths). A candidate fires when the candidate model finds it likely enough a charger
/// (Candidates). One instance per meter; not thread-safe; readings in event-time order.
/// </summary>
public sealed partial class HouseholdSignatureDetector
{
    private const int MaxTracks = 4;
    private const int PowerFactorSampleLimit = 12;
    private static readonly long SmoothingTicks = TimeSpan.FromMinutes(2).Ticks;
    private static readonly long BusyHold = TimeSpan.FromMinutes(10).Ticks;
    // The lagged rise's switch-on may come a little before the lag (the floors took a reading or two to carry it).
    private static readonly long LaggedRiseBackingSlack = TimeSpan.FromMinutes(10).Ticks;
    private static readonly long LaggedRiseQuietWithin = TimeSpan.FromMinutes(8).Ticks;
    // The switch-on behind a lagged rise need only be about its size: loads switched since move the floors a little.
    private const double LaggedRiseBackingMinShare = 0.5;
    private const double LaggedRiseBackingMaxShare = 1.6;

    private readonly HouseholdSignatureOptions _options;
    private readonly RollingFloor _floorWithPowerFactor;
    private readonly RollingFloor _floorWithoutPowerFactor;
    private RollingFloor _floor;
    private TimeSpan _window;
    private bool _reportsPowerFactor;
    private readonly RollingFloor _varsFloor;
    // The floors of the last few minutes, read before each reading joins them.
    private static readonly TimeSpan RecentFloorWindow = TimeSpan.FromMinutes(10);
    private readonly RollingFloor _recentFloor = new(RecentFloorWindow);
    private readonly RollingFloor _recentVarsFloor = new(RecentFloorWindow);
    private double _recentFloorBefore = double.NaN;
    private double _recentVarsFloorBefore = double.NaN;
    private readonly List<LoadTrack> _tracks = new(MaxTracks + 1);
    private readonly LevelHistory _history;
    private readonly StepPairing _steps;
    private readonly Busyness _busy = new(40, 6, TimeSpan.FromMinutes(20));
    // The lagged rise has no step to vouch for one load: a washing machine's agitation, averaged over
    // a minute or two, holds the floors up at a charger's pf and jumps less often than per reading.
    // Fewer jumps than _busy asks for, so busy there is busy here.
    private readonly Busyness _busyForLaggedRise = new(40, 4, TimeSpan.FromMinutes(20));
    private readonly FloorTaper _floorTaper;
    private readonly PendingTaper _pendingTaper;
    private readonly StepFreeLevel _stepFree = new();
    private readonly BigLoadFilter _bigLoads;
    private readonly LastingSwitches _lasting;
    private readonly FloorHistory _floorHistory = new();
    private readonly MinuteLows _minuteLows = new();
    private readonly SwitchSpread _switchSpread = new();
    private long _laggedRiseFitsSince;
    // Whether the meter's readings carry reactive power: a power factor, or volts and amps.
    private bool _knowsVars;
    // The floor of the readings without the big appliances: where a heater took turns with the
    // refrigerator, this floor still shows the refrigerator's off-times.
    private readonly RollingFloor _residualFloor;
    // ... and of their reactive power.
    private readonly RollingFloor _residualVarsFloor;
    // The residual's reactive power less the big appliances' ratio times its real power: an air
    // conditioner's flicker, which drags both residual floors low by its deepest dip, cancels in it.
    private readonly RollingFloor _ratioBlindFloor;
    private double _ratioBlindRatio;
    private long _ratioBlindSinceTicks;
    // The floor's own taper fired (no power factor): its plateau height and when it was seen gone.
    private double _taperFiringWatts;
    private long _taperGoneTicks;
    private SwitchedLoad? _stepFiring;
    private LoadTrack? _historyOwner;
    private long _lastTicks;
    private long _lastQuietTicks;
    private long _warmUntilTicks;
    // The first reading this detector saw: how long it has known the household.
    private long _firstTicks;
    // Whether the meter's pf is cos φ, as its readings tell (ReportedPowerFactor Auto).
    private readonly DisplacementPowerFactorCheck _displacementCheck = new();
    private TimeSpan _offset;
    private LoadTrack? _firing;
    // The floor at the previous two readings, so a switch that an averaging meter spreads over two
    // readings still counts as one step.
    private double _floor1;
    private double? _voltAmps1;
    private double _floor2;
    private double? _voltAmps2;
    private double _varsFloor1 = double.NaN;
    private double _varsFloor2 = double.NaN;
    private LoadTrack? _lastAbsorber;
    private double _lastAbsorbed;
    private double _intervalTicks;

    public HouseholdSignatureDetector(HouseholdSignatureOptions options)
    {
        _options = options;
        _floorWithPowerFactor = new RollingFloor(options.FloorWindow);
        _floorWithoutPowerFactor = new RollingFloor(options.FloorWindowWithoutPowerFactor);
        _floor = _floorWithPowerFactor;
        _window = options.FloorWindow;
        _varsFloor = new RollingFloor(options.FloorWindow);
        _history = new LevelHistory(options.TaperWindow);
        _floorTaper = new FloorTaper(options);
        _pendingTaper = new PendingTaper(options.TaperConfirmAfter, options.TaperConfirmShare);
        _bigLoads = new BigLoadFilter(options.BigLoadWatts);
        _steps = new StepPairing(options.BigLoadWatts);
        _lasting = new LastingSwitches(options);
        _residualFloor = new RollingFloor(options.FloorWindow);
        _residualVarsFloor = new RollingFloor(options.FloorWindow);
        _ratioBlindFloor = new RollingFloor(options.FloorWindow);
    }

    public bool IsFiring => _firing is not null;

    /// <summary>Evidence for the alert while it fires (the last evidence after it resolved).</summary>
    public HouseholdEvidence Evidence { get; private set; }

    /// <summary>
    /// The meter's reported pf is cos φ (<see cref="HouseholdSignatureOptions.ReportedPowerFactor"/>,
    /// declared or told from its readings) and is not used.
    /// </summary>
    public bool IgnoresReportedPowerFactor =>
        _options.ReportedPowerFactor == ReportedPowerFactorKind.Displacement || _displacementCheck.IsDisplacement;

    /// <summary>Event time the load was first seen gone, for the resolved message.</summary>
    public DateTimeOffset GoneAt { get; private set; }

    /// <summary>
    /// One reading. <paramref name="voltAmps"/> is the meter's volts × amps, when it reports both: it
    /// gives the power factor, w / (v·a), more precisely than a reported two-decimal pf
    /// (<see cref="HouseholdSignatureOptions.PowerFactorFromVoltsAndAmps"/>), or, with that off and
    /// no pf reported, each reading's reactive power (√(S² − P²)), so the switches the step pairing
    /// sees have a power factor and a taper can be checked against them.
    /// </summary>
    public HouseholdChange Observe(DateTimeOffset timestamp, double watts, double? powerFactor, double? voltAmps = null)
    {
        if (_options.ReportedPowerFactor == ReportedPowerFactorKind.Auto)
        {
            _displacementCheck.Observe(watts, powerFactor, voltAmps);
        }
        if (IgnoresReportedPowerFactor)
        {
            powerFactor = null;
        }
        _powerFactorReported = powerFactor is not null;
        if (_options.PowerFactorFromVoltsAndAmps)
        {
            powerFactor = ReadingPowerFactor.Of(watts, powerFactor, voltAmps);
        }
        var ticks = timestamp.UtcTicks;
        _offset = timestamp.Offset;
        if (ticks <= _lastTicks)
        {
            return HouseholdChange.None;
        }
        if (_lastTicks == 0)
        {
            _firstTicks = ticks;
        }
        var elapsed = _lastTicks == 0 ? 0 : ticks - _lastTicks;
        var reportsPowerFactor = powerFactor is not null;
        if (_lastTicks == 0 || elapsed > _options.MaxGap.Ticks || reportsPowerFactor != _reportsPowerFactor)
        {
            _reportsPowerFactor = reportsPowerFactor;
            _floor = reportsPowerFactor ? _floorWithPowerFactor : _floorWithoutPowerFactor;
            _window = reportsPowerFactor ? _options.FloorWindow : _options.FloorWindowWithoutPowerFactor;
            // After a gap the floor no longer describes the last window: rebuild it before judging.
            _floor.Clear();
            _varsFloor.Clear();
            _recentFloor.Clear();
            _recentVarsFloor.Clear();
            _history.Clear();
            _floorTaper.Clear();
            _pendingTaper.Clear();
            _stepFree.Clear();
            _bigLoads.Clear();
            _residualFloor.Clear();
            _residualVarsFloor.Clear();
            _ratioBlindFloor.Clear();
            _ratioBlindSinceTicks = ticks;
            _lasting.Clear();
            _floorHistory.Clear();
            _minuteLows.Clear();
            _switchSpread.Break();
            // Loads tracked before the gap were measured against the floors just cleared, and their
            // switch-offs may have passed unseen: kept open they would count as on all night and take
            // the slow changes meant for the newest load. The one an alert fires for stays, to resolve.
            _tracks.RemoveAll(IsNotFiring);
            _lastAbsorber = null;
            _laggedRiseFitsSince = 0;
            _floorWindowAskedTicks = 0;
            _shortRiseAskedTicks = 0;
            _shortRiseLookedTicks = 0;
            _warmUntilTicks = ticks + _window.Ticks;
            elapsed = 0;
        }
        else
        {
            _intervalTicks = _intervalTicks == 0 ? elapsed : (_intervalTicks * 0.9) + (elapsed * 0.1);
        }
        _lastTicks = ticks;
        _switchSpread.Add(watts);
        _recentFloorBefore = _recentFloor.Count == 0 ? double.NaN : _recentFloor.Watts;
        _recentVarsFloorBefore = _recentVarsFloor.Count == 0 ? double.NaN : _recentVarsFloor.Watts;
        _floor.Add(ticks, watts, PowerFactorMath.VoltAmps(watts, powerFactor));
        _recentFloor.Add(ticks, watts, null);
        if (elapsed == 0)
        {
            _steps.Clear();
        }
        var vars = PowerFactorMath.Vars(watts, powerFactor);
        if (!double.IsNaN(vars))
        {
            var varsUpperBound = PowerFactorMath.VarsUpperBound(watts, powerFactor);
            _varsFloor.Add(ticks, varsUpperBound, null);
            _recentVarsFloor.Add(ticks, varsUpperBound, null);
        }
        if (double.IsNaN(vars) && voltAmps is { } apparent)
        {
            // Near pf 1 the power reading's noise can put w above v·a: no reactive power, not none known.
            vars = Math.Sqrt(Math.Max(0, (apparent * apparent) - (watts * watts)));
        }
        _knowsVars = !double.IsNaN(vars);
        _steps.Observe(ticks, watts, vars);
        _lasting.Observe(ticks, _steps.Loads);
        var residual = _bigLoads.Residual(ticks, watts, _steps.Low, vars);
        if (!double.IsNaN(residual))
        {
            _residualFloor.Add(ticks, residual, null);
            if (!double.IsNaN(_bigLoads.ResidualVars))
            {
                _residualVarsFloor.Add(ticks, _bigLoads.ResidualVars, null);
                if (_ratioBlindRatio == 0 && _bigLoads.ReactiveRatio is var ratio and > 0)
                {
                    // Set once: a floor of values taken along another ratio compares nothing, and the
                    // filter's learned sizes drift as other big switches land near them.
                    _ratioBlindFloor.Clear();
                    _ratioBlindRatio = ratio;
                    _ratioBlindSinceTicks = ticks;
                }
                if (!_bigLoads.Switching)
                {
                    // Half a kettle not yet taken out would read as hundreds of var missing along the ratio.
                    _ratioBlindFloor.Add(ticks, _bigLoads.ResidualVars - (_ratioBlindRatio * residual), null);
                }
            }
            if (!_bigLoads.Switching)
            {
                // A reading caught mid big switch has half the appliance taken out: a low it never was.
                _minuteLows.Record(ticks, watts, residual, _bigLoads.ResidualVars);
            }
            // Busy is small loads' flicker (a washing machine's drum); a heater's switching is not.
            _busy.Add(ticks, residual);
            _busyForLaggedRise.Add(ticks, residual);
        }
        RecordFloorsBeforeSteps();
        if (watts <= _floor.Watts + _options.QuietMarginWatts)
        {
            _lastQuietTicks = ticks;
        }
        if (ticks < _warmUntilTicks)
        {
            RememberFloor();
            return HouseholdChange.None;
        }

        Attribute(ticks);
        RememberFloor();
        UpdateTracks(ticks, elapsed);
        // With a power factor a switched load's real and reactive step, once the floors have carried
        // it for a whole window, tells the charger apart; without one only the taper can. The
        // step-free level follows it on the readings without the big appliances, so a heater's runs
        // do not pause it; a reading still far above their floor has an appliance on that the filter
        // does not know (far above the floor, not the 12-hour low: a charger and a television on
        // together are not one big appliance).
        _stepFree.Add(ticks, double.IsNaN(residual) ? watts : residual, double.IsNaN(residual) || residual > _residualFloor.Watts + _options.QuietMarginWatts);
        _floorTaper.Add(ticks, _floor.Watts, _reportsPowerFactor ? double.NaN : _stepFree.Value);
        _floorHistory.Record(ticks, CurrentFloors());
        if (powerFactor is not null)
        {
            // A charger whose plateau the steps missed (appliances taking turns around it) still
            // tapers: its floor's fall, in real and reactive power at a charger's ratio, is the fallback.
            if (_taperFiringWatts > 0)
            {
                return DecideByFloorTaper(ticks);
            }
            var bySteps = DecideBySteps(ticks);
            if (bySteps == HouseholdChange.None && _stepFiring is null)
            {
                bySteps = DecideByLaggedRise(ticks);
            }
            if (bySteps == HouseholdChange.None && _stepFiring is null)
            {
                bySteps = DecideByFloorWindow(ticks);
            }
            if (bySteps == HouseholdChange.None && _stepFiring is null)
            {
                bySteps = DecideByShortRise(ticks);
            }
            return bySteps != HouseholdChange.None || _stepFiring is not null ? bySteps : DecideByFloorTaper(ticks);
        }
        return _taperFiringWatts > 0 ? DecideByFloorTaper(ticks) : _firing is null && DecideByFloorTaper(ticks) == HouseholdChange.Fired ? HouseholdChange.Fired : Decide(ticks);
    }

    private bool IsNotFiring(LoadTrack track) => !ReferenceEquals(track, _firing);

    private void RememberFloor()
    {
        _floor2 = _floor1;
        _voltAmps2 = _voltAmps1;
        _floor1 = _floor.Watts;
        _voltAmps1 = _floor.VoltAmps;
        _varsFloor2 = _varsFloor1;
        _varsFloor1 = _varsFloor.Count == 0 ? double.NaN : _varsFloor.Watts;
    }

    private void ForgetSteps()
    {
        _floor1 = _floor.Watts;
        _voltAmps1 = _floor.VoltAmps;
        _lastAbsorber = null;
        _lastAbsorbed = 0;
    }

    /// <summary>Explains the floor's movement since the last reading by loads switching or drifting.</summary>
    private void Attribute(long ticks)
    {
        var floor = _floor.Watts;
        var step = _options.StepWatts;
        var d1 = floor - _floor1;
        var d2 = floor - _floor2;
        if (d1 >= step)
        {
            StepUp(ticks, d1, _floor1, _voltAmps1, _varsFloor1);
            ForgetSteps();
        }
        else if (d2 >= step && d1 > 0 && _floor1 > _floor2)
        {
            UndoLastAbsorb();
            StepUp(ticks, d2, _floor2, _voltAmps2, _varsFloor2);
            ForgetSteps();
        }
        else if (d1 <= -step)
        {
            StepDown(ticks, -d1);
            ForgetSteps();
        }
        else if (d2 <= -step && d1 < 0 && _floor1 < _floor2)
        {
            UndoLastAbsorb();
            StepDown(ticks, -d2);
            ForgetSteps();
        }
        else
        {
            Absorb(d1);
        }
    }

    private void Absorb(double delta)
    {
        var owner = Owner();
        _lastAbsorber = owner;
        _lastAbsorbed = delta;
        if (owner is not null)
        {
            owner.Level = Math.Max(0, owner.Level + delta);
        }
    }

    private void UndoLastAbsorb()
    {
        if (_lastAbsorber is { Closed: false } track)
        {
            track.Level = Math.Max(0, track.Level - _lastAbsorbed);
        }
        _lastAbsorbed = 0;
    }

    /// <summary>
    /// The newest open track that could be a charger takes slow changes; resistive or oversized
    /// loads (TVs, heaters) take them only when nothing else is open.
    /// </summary>
    private LoadTrack? Owner()
    {
        LoadTrack? newest = null;
        for (var i = _tracks.Count - 1; i >= 0; i--)
        {
            var track = _tracks[i];
            if (track.Closed)
            {
                continue;
            }
            newest ??= track;
            if (!IsRuledOut(track))
            {
                return track;
            }
        }
        return newest;
    }

    private bool IsRuledOut(LoadTrack track) =>
        track.Unsteady || track.Plateau > _options.MaxWatts
        || (track.PowerFactor is { } pf && track.PowerFactorSamples >= _options.PowerFactorSamples && pf >= _options.ResistivePowerFactorMin);

    private void StepUp(long ticks, double added, double beforeWatts, double? beforeVoltAmps, double beforeVars)
    {
        if (OpenCount() >= MaxTracks)
        {
            ForgetOldestOpen();
        }
        var track = new LoadTrack
        {
            StartTicks = ticks - _window.Ticks,
            OpenedTicks = ticks,
            Level = added,
            Smoothed = added,
            Plateau = added,
            PlateauAtTicks = ticks,
            BeforeWatts = beforeWatts,
            BeforeVoltAmps = beforeVoltAmps,
            BeforeVars = beforeVars,
        };
        if (beforeVoltAmps is { } before && _floor.VoltAmps is { } now)
        {
            track.AddPowerFactorSample(PowerFactorMath.OfAddedLoad(beforeWatts, before, _floor.Watts, now));
        }
        _tracks.Add(track);
    }

    private void StepDown(long ticks, double drop)
    {
        LoadTrack? match = null;
        var bestError = double.MaxValue;
        foreach (var track in _tracks)
        {
            if (track.Closed)
            {
                continue;
            }
            var error = Math.Abs(track.Level - drop);
            if (error <= Math.Max(0.2 * track.Level, 15) && error < bestError)
            {
                match = track;
                bestError = error;
            }
        }
        if (match is null)
        {
            // Something else switched off (a light, a TV that was on before): the newest load
            // starts a new plateau from here.
            if (Owner() is { } unsteady && drop >= 0.3 * unsteady.Level && ticks - unsteady.OpenedTicks <= _window.Ticks)
            {
                unsteady.Unsteady = true;
            }
            Absorb(-drop);
            if (Owner() is { } owner)
            {
                owner.Smoothed = owner.Level;
                owner.Plateau = owner.Level;
                owner.PlateauAtTicks = ticks;
            }
            return;
        }
        var residual = match.Level - drop;
        match.Closed = true;
        match.Level = 0;
        if (match.GoneSinceTicks == 0)
        {
            match.GoneSinceTicks = ticks;
        }
        Absorb(residual);
    }

    private void ForgetOldestOpen()
    {
        foreach (var track in _tracks)
        {
            if (!track.Closed && !ReferenceEquals(track, _firing))
            {
                _tracks.Remove(track);
                return;
            }
        }
    }

    private void UpdateTracks(long ticks, long elapsed)
    {
        var alpha = Math.Min(1.0, (double)elapsed / SmoothingTicks);
        var owner = Owner();
        if (!ReferenceEquals(owner, _historyOwner))
        {
            _history.Clear();
            _historyOwner = owner;
        }
        var newest = NewestOpen();
        for (var i = _tracks.Count - 1; i >= 0; i--)
        {
            var track = _tracks[i];
            if (track.Closed)
            {
                continue;
            }
            track.Smoothed += (track.Level - track.Smoothed) * alpha;
            if (track.Smoothed >= track.Plateau)
            {
                track.Plateau = track.Smoothed;
                track.PlateauAtTicks = ticks;
            }
            if (track.SteadySinceTicks == 0 || Math.Abs(track.Level - track.SteadyLevel) > 0.12 * track.SteadyLevel)
            {
                // A new operating point: its power factor is measured afresh.
                track.SteadySinceTicks = ticks;
                track.SteadyLevel = track.Level;
                if (!track.TaperSeen && track.PowerFactorSamples > 1)
                {
                    track.ResetPowerFactor();
                }
            }
            if (ReferenceEquals(track, newest) && track.PowerFactorSamples < PowerFactorSampleLimit
                && track.BeforeVoltAmps is { } before && _floor.VoltAmps is { } now && track.Level >= 0.7 * track.Plateau)
            {
                track.AddPowerFactorSample(PowerFactorMath.OfAddedLoad(track.BeforeWatts, before, _floor.Watts, now));
            }
            if (ReferenceEquals(track, owner))
            {
                _history.Record(ticks, track.Level);
                FollowTaper(track, ticks);
            }
            var gone = track.Level < Math.Max(_options.GoneFraction * track.Plateau, 10);
            if (!gone)
            {
                track.GoneSinceTicks = 0;
            }
            else if (track.GoneSinceTicks == 0)
            {
                track.GoneSinceTicks = ticks;
            }
            if (ticks - track.StartTicks > _options.TrackMaxAge.Ticks && !ReferenceEquals(track, _firing))
            {
                _tracks.RemoveAt(i);
            }
        }
    }

    private LoadTrack? NewestOpen()
    {
        for (var i = _tracks.Count - 1; i >= 0; i--)
        {
            if (!_tracks[i].Closed)
            {
                return _tracks[i];
            }
        }
        return null;
    }

    private int OpenCount()
    {
        var count = 0;
        foreach (var track in _tracks)
        {
            if (!track.Closed)
            {
                count++;
            }
        }
        return count;
    }

    /// <summary>
    /// A taper is a decline spread over the window: each third of the window carries a fair share of
    /// the fall, no third dwarfs another (an exponential decay), and the load has lost
    /// <see cref="HouseholdSignatureOptions.TaperDrop"/> of its plateau without vanishing. A switch-off
    /// puts the whole fall into one reading; the new lows of other appliances' noise that follow it
    /// fade within minutes.
    /// </summary>
    private void FollowTaper(LoadTrack track, long ticks)
    {
        if (track.TaperSeen || ticks - track.StartTicks < _options.PlateauMinDuration.Ticks)
        {
            return;
        }
        var window = Math.Max(_options.TaperWindow.Ticks, (long)(_intervalTicks * 4));
        if (_history.At(ticks - window, ticks) is not { } l0
            || _history.At(ticks - (window * 2 / 3), ticks) is not { } l1
            || _history.At(ticks - (window / 3), ticks) is not { } l2)
        {
            return;
        }
        var level = track.Level;
        var plateau = track.Plateau;
        var fall = l0 - level;
        var f1 = l0 - l1;
        var f2 = l1 - l2;
        var f3 = l2 - level;
        var deepEnough = level <= (1 - _options.TaperDrop) * plateau && fall >= 0.06 * plateau;
        var lowest = Math.Min(f1, Math.Min(f2, f3));
        var highest = Math.Max(f1, Math.Max(f2, f3));
        var spread = lowest >= 0.12 * fall && lowest >= 0.25 * highest;
        var stillThere = level >= _options.GoneFraction * plateau;
        if (deepEnough && spread && stillThere)
        {
            track.TaperSeen = true;
            track.TaperSeenTicks = ticks;
        }
    }

    private HouseholdChange Decide(long ticks)
    {
        if (_firing is { } firing)
        {
            if (firing.GoneSinceTicks != 0 && ticks - firing.GoneSinceTicks >= _options.ResolveAfter.Ticks)
            {
                GoneAt = At(firing.GoneSinceTicks);
                _firing = null;
                _tracks.Remove(firing);
                DropFinishedTracks(ticks);
                return HouseholdChange.Resolved;
            }
            if (firing.GoneSinceTicks == 0)
            {
                Evidence = EvidenceOf(firing, ticks);
            }
            return HouseholdChange.None;
        }
        DropFinishedTracks(ticks);
        foreach (var track in _tracks)
        {
            if (track.Closed || track.GoneSinceTicks != 0)
            {
                continue;
            }
            var evidence = EvidenceOf(track, ticks);
            if (evidence.Confidence >= _options.FireConfidence && (!_knowsVars || _lasting.Backing(track.Plateau, track.StartTicks + _window.Ticks) is not null)
                && Admit(CandidatePath.Track, track.StartTicks, track.Plateau, double.NaN, ticks))
            {
                _firing = track;
                Evidence = evidence;
                return HouseholdChange.Fired;
            }
        }
        return HouseholdChange.None;
    }

    private void DropFinishedTracks(long ticks)
    {
        for (var i = _tracks.Count - 1; i >= 0; i--)
        {
            var track = _tracks[i];
            if (track.GoneSinceTicks != 0 && ticks - track.GoneSinceTicks >= _options.ResolveAfter.Ticks
                && !ReferenceEquals(track, _firing))
            {
                _tracks.Remove(track);
            }
        }
    }

    private HouseholdEvidence EvidenceOf(LoadTrack track, long ticks)
    {
        var plateauEnd = track.TaperSeen ? track.PlateauAtTicks : ticks;
        var plateau = TimeSpan.FromTicks(Math.Max(0, plateauEnd - track.StartTicks));
        var started = At(track.StartTicks);
        return new HouseholdEvidence(
            started, track.Level, track.Plateau, track.PowerFactor, plateau, track.TaperSeen,
            Confidence(track, started, plateau, ticks));
    }

    /// <summary>Evidence weights: each term is one observable reason, stated in the summary.</summary>
    private double Confidence(LoadTrack track, DateTimeOffset started, TimeSpan plateau, long ticks)
    {
        if (track.Plateau < _options.MinWatts || track.Plateau > _options.MaxWatts)
        {
            return 0;
        }
        // Lifting the floor at all means it stayed on longer than any refrigerator cycle.
        var confidence = 0.45;
        if (track.Unsteady)
        {
            return 0.2;
        }
        if (track.PowerFactor is { } pf && track.PowerFactorSamples >= _options.PowerFactorSamples)
        {
            if (pf >= _options.ResistivePowerFactorMin)
            {
                return 0.1;
            }
            var confirmed = ticks - track.SteadySinceTicks >= _options.ConfirmFor.Ticks
                && track.PowerFactorMax - track.PowerFactorMin <= 0.1
                && track.Plateau >= _options.PowerFactorOnlyMinWatts;
            confidence += pf > _options.ChargerPowerFactorMax ? 0.1 : confirmed ? 0.4 : 0.2;
        }
        if (track.TaperSeen)
        {
            confidence += 0.35;
        }
        if (plateau >= _options.PlateauMinDuration)
        {
            confidence += 0.05;
        }
        var hour = started.Hour;
        if (hour >= 17 || hour < 3)
        {
            confidence += 0.05;
        }
        return Math.Min(1.0, confidence);
    }

    /// <summary>Floors and tracks, for the evaluation harness's traces.</summary>
    internal string DescribeState()
    {
        var text = new System.Text.StringBuilder();
        text.Append(System.Globalization.CultureInfo.InvariantCulture, $"floor {_floor.Watts:0.0} drift {_stepFree.Value:0.0}");
        foreach (var t in _tracks)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture,
                $" | {At(t.StartTicks):HH:mm} lvl {t.Level:0.0} plat {t.Plateau:0.0} pf {t.PowerFactor:0.00}/{t.PowerFactorSamples}{(t.TaperSeen ? " TAPER" : "")}{(t.Closed ? " closed" : "")}{(t.GoneSinceTicks != 0 ? " gone" : "")}{(ReferenceEquals(t, _firing) ? " FIRING" : "")}");
        }
        text.Append(System.Globalization.CultureInfo.InvariantCulture, $" || low {_steps.Low:0} qfloor {_varsFloor.Watts:0} rfloor {_residualFloor.Watts:0} rqfloor {_residualVarsFloor.Watts:0} big {_bigLoads.OpenWatts:0}/{_bigLoads.OpenVars:0}var");
        foreach (var l in _steps.Loads)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture,
                $" | {At(l.StartTicks):HH:mm} {l.Watts:0}W {l.Vars:0}var ref {l.FloorWattsBefore:0}/{l.FloorVarsBefore:0} pf {l.PowerFactor:0.00}{(l.Gone ? (l.PairedOff ? " off " : " gone ") + At(l.GoneTicks).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "")}{(l.Fired ? " FIRED" : "")}");
        }
        return text.ToString();
    }

    private DateTimeOffset At(long utcTicks) => new DateTimeOffset(utcTicks, TimeSpan.Zero).ToOffset(_offset);
}
