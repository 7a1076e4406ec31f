namespace ChargeWatch.Core.Rules.FlywireHousehold;

/// <summary>
/// Edge-based disaggregation of one meter (after Hart's non-intrusive load monitoring): every
/// switch-on step opens a <see cref="SwitchedLoad"/> with its real and reactive power; a switch-off
/// step closes the open load it matches best in both; a load also counts as gone as soon as the
/// meter reads less than the household's low plus most of that load (it cannot still be on).
/// What stays open for longer than any refrigerator cycle, without a matching switch-off, is a load
/// that has been on all the time — the e-bike charger's plateau, if its size and power factor fit.
/// An averaging meter spreads one switch over two readings, so a step is measured from the reading
/// before it to the reading after the one that showed it. A switch-on that holds a big appliance at
/// the size it switches off at, and a charger-sized load beside it, opens the two apart. Fixed-size
/// state, no allocation per reading once the loads list has grown.
/// </summary>
internal sealed class StepPairing(double bigWatts = double.PositiveInfinity)
{
    private const int MaxLoads = 12;
    // A load is off once the meter reads below the household's low plus this share of it.
    private const double UnsupportedShare = 0.85;
    // What remains of a load that switched off as another switched on is measured from two steps'
    // errors: believed from this size on.
    private const double MinRemainderWatts = 100;
    // A drop from this share of a split appliance's learned size on may be that appliance switching off.
    private const double OwnRemainderMinShare = 0.8;
    // How far a big appliance's reactive power may differ from run to run, as a share of it.
    private const double SizeVarsSpread = 0.15;
    private static readonly long SettleTicks = TimeSpan.FromMinutes(3).Ticks;
    private readonly List<SwitchedLoad> _loads = new(MaxLoads + 1);
    private readonly ApplianceSizes _bigSizes = new();
    private readonly HourlyLow _low = new();
    private long _lastTicks;
    private double _lastWatts;
    private double _lastVars = double.NaN;
    private bool _stepPending;
    private long _stepBeforeTicks;
    private double _stepBeforeWatts;
    private double _stepBeforeVars;
    // A load just switched on, re-measured on the quiet readings that follow: a compressor's start-up
    // minute draws 1.4 times its running power, which would otherwise stay in the step's size.
    private SwitchedLoad? _settling;
    private double _settlingBeforeVars;
    private double _settleStepWatts;
    private double _settledWattsSum;
    private double _settledVarsSum;
    private int _settledCount;
    private long _settleUntilTicks;
    // The quiet readings since the last step: a step is measured from their mean, not from the one
    // reading before it, which carries a busy appliance's flicker (an air conditioner's 4 %).
    private readonly QuietStretch _quiet = new();
    private double _stepBeforeMeanWatts;
    private double _stepBeforeMeanVars;

    public IReadOnlyList<SwitchedLoad> Loads => _loads;

    /// <summary>The runs of the loads seen switching on and off again: paired off at their own size, or gone back at the night's low.</summary>
    public PairedRuns Runs { get; } = new();

    /// <summary>The household's lowest reading of the last hours: standby and whatever never stops.</summary>
    public double Low => _low.Value;

    public double LastWatts => _lastWatts;

    public void Clear()
    {
        _loads.Clear();
        Runs.Clear();
        _lastTicks = 0;
        _stepPending = false;
        _settling = null;
    }

    public void Observe(long ticks, double watts, double vars)
    {
        _low.Add(ticks, watts);
        if (_lastTicks == 0)
        {
            Remember(ticks, watts, vars);
            return;
        }
        if (_stepPending)
        {
            _stepPending = false;
            var dP = watts - _stepBeforeWatts;
            if (Math.Abs(dP) >= Threshold(_stepBeforeWatts, watts))
            {
                // Whether it is a switch is judged from the reading before (as the jump was seen), its
                // size from the level's mean; where the two disagree in sign the jump was mostly
                // flicker, and the step is taken at the size and sign the mean gives it.
                Step(_stepBeforeTicks, watts - _stepBeforeMeanWatts, vars - _stepBeforeMeanVars, ticks, watts, vars);
            }
        }
        else if (IsStartUpEnding(ticks, watts))
        {
            _quiet.Clear();
            Settle(_settling!, watts, vars);
        }
        else if (Math.Abs(watts - _lastWatts) >= Threshold(_lastWatts, watts))
        {
            _settling = null;
            _stepPending = true;
            _stepBeforeTicks = _lastTicks;
            _stepBeforeWatts = _lastWatts;
            _stepBeforeVars = _lastVars;
            (_stepBeforeMeanWatts, _stepBeforeMeanVars) = _quiet.Mean(_lastWatts, _lastVars);
            _quiet.Clear();
        }
        else if (_settling is { } load && ticks <= _settleUntilTicks)
        {
            Settle(load, watts, vars);
        }
        if (!_stepPending)
        {
            _quiet.Add(ticks, watts, vars);
        }
        DropUnsupported(ticks, watts);
        Remember(ticks, watts, vars);
    }

    /// <summary>
    /// A fall soon after a switch-on that leaves 60–100 % of the step on: the start-up surge ending
    /// (a compressor draws 1.4 times its running power for a minute). On a busy meter that fall can
    /// exceed the step threshold; it is the load settling, not another load switching off.
    /// </summary>
    private bool IsStartUpEnding(long ticks, double watts)
    {
        if (_settling is not { } load || ticks > _settleUntilTicks || watts >= _lastWatts)
        {
            return false;
        }
        var settled = watts - load.BeforeWatts;
        return settled >= 0.6 * _settleStepWatts && settled <= _settleStepWatts;
    }

    /// <summary>
    /// The load's running power is the mean of the quiet readings after its step (less the level
    /// before it): one reading would carry other appliances' flicker, and the lowest of several
    /// would be biased low by it.
    /// </summary>
    private void Settle(SwitchedLoad load, double watts, double vars)
    {
        var settled = watts - load.BeforeWatts;
        if (settled >= 0.6 * _settleStepWatts && settled <= 1.05 * _settleStepWatts)
        {
            _settledWattsSum += settled;
            _settledVarsSum += vars - _settlingBeforeVars;
            _settledCount++;
            load.Watts = _settledWattsSum / _settledCount;
            load.Vars = _settledVarsSum / _settledCount;
            load.Settled = true;
        }
    }

    /// <summary>Smallest step that is a switch rather than noise: meter noise and appliance flicker grow with the level.</summary>
    public static double Threshold(double a, double b) => 25 + (0.02 * Math.Min(a, b));

    private void Remember(long ticks, double watts, double vars)
    {
        _lastTicks = ticks;
        _lastWatts = watts;
        _lastVars = vars;
    }

    /// <summary>
    /// How far a reading's reactive power can be off: meters report pf to two decimals, and near
    /// pf 1 one hundredth is a large share of the reactive power.
    /// </summary>
    private static double VarsUncertainty(double watts, double vars)
    {
        if (double.IsNaN(vars) || watts <= 0)
        {
            return 0;
        }
        var pf = watts / Math.Sqrt((watts * watts) + (vars * vars));
        return watts * 0.008 / (pf * pf * Math.Sqrt(Math.Max(1 - (pf * pf), 0.01)));
    }

    private void Step(long beforeTicks, double dP, double dQ, long ticks, double afterWatts, double afterVars)
    {
        var stepVarsUncertainty = VarsUncertainty(_stepBeforeWatts, _stepBeforeVars) + VarsUncertainty(afterWatts, afterVars);
        if (dP > 0 && OpenedApart(beforeTicks, dP, dQ, afterWatts, afterVars, stepVarsUncertainty))
        {
            return;
        }
        if (dP > 0)
        {
            // One appliance cannot switch on twice: either an open load of the same size switched off
            // unseen (a refrigerator's next run) or two such loads are on. Until the newer one is gone
            // the older one's persistence proves nothing.
            var twin = Match(dP, dQ, afterWatts, afterVars);
            var load = Open(beforeTicks, dP, dQ, _stepBeforeMeanWatts, stepVarsUncertainty);
            load.TwinOf = twin;
            _settling = load;
            _settlingBeforeVars = _stepBeforeMeanVars;
            _settleStepWatts = dP;
            _settledWattsSum = 0;
            _settledVarsSum = 0;
            _settledCount = 0;
            _settleUntilTicks = ticks + SettleTicks;
            return;
        }
        if (-dP >= bigWatts && !double.IsNaN(dQ))
        {
            // A big appliance's switch-off is its own size: a charger seldom starts in that very reading.
            _bigSizes.Learn(-dP, -dQ);
        }
        if (Match(-dP, -dQ, afterWatts, afterVars) is { } best)
        {
            best.GoneTicks = ticks;
            best.PairedOff = true;
            Runs.Add(best.Watts, best.Vars, ticks - best.StartTicks);
        }
        else if (SwitchedOffWithin(beforeTicks, -dP, afterWatts) is { } larger)
        {
            // A load bigger than the drop can no longer be on: it switched off in the same reading as
            // something else switched on (a charger plugged in as the refrigerator stops), and that
            // something is what remains of it.
            larger.GoneTicks = ticks;
            larger.PairedOff = true;
            Open(beforeTicks, larger.Watts + dP, larger.Vars + dQ, _stepBeforeMeanWatts - larger.Watts,
                larger.VarsUncertainty + stepVarsUncertainty);
        }
        CloseOwnRemainders(beforeTicks, ticks, -dP);
    }

    /// <summary>
    /// A heater and a charger switched on in the same reading: the heater at the size it switches off
    /// at, paired off when it does so again, and what it leaves beside it as a load of its own — when
    /// that has a charger's reactive power per watt.
    /// </summary>
    private bool OpenedApart(long beforeTicks, double dP, double dQ, double afterWatts, double afterVars, double stepVarsUncertainty)
    {
        if (!_bigSizes.TryHolding(dP, out var size, out var sizeVars))
        {
            return false;
        }
        var remainderVarsUncertainty = stepVarsUncertainty + (SizeVarsSpread * Math.Abs(sizeVars));
        if (!ChargerRatio.MayHold(dP - size, dQ - sizeVars, remainderVarsUncertainty))
        {
            return false;
        }
        var appliance = Open(beforeTicks, size, sizeVars, _stepBeforeMeanWatts, stepVarsUncertainty);
        var remainder = Open(beforeTicks, dP - size, dQ - sizeVars, _stepBeforeMeanWatts + size, remainderVarsUncertainty);
        remainder.TwinOf = Match(dP - size, dQ - sizeVars, afterWatts, afterVars);
        appliance.SplitOff = remainder;
        _settling = null;
        return true;
    }

    /// <summary>
    /// A big appliance taken out of its switch-on at its learned size, switching off (or gone in this
    /// switch-off): when the drop is nearer the whole switch-on than the learned size, what it left
    /// beside it was its own — an air conditioner's run larger than the size learned, or another
    /// appliance's size — not another load.
    /// </summary>
    private void CloseOwnRemainders(long beforeTicks, long ticks, double off)
    {
        foreach (var load in _loads)
        {
            if (load.SplitOff is { Gone: false } remainder && (!load.Gone || load.GoneTicks >= beforeTicks)
                && off >= OwnRemainderMinShare * load.Watts && Math.Abs(off - load.Watts - remainder.Watts) < Math.Abs(off - load.Watts))
            {
                load.GoneTicks = load.Gone ? load.GoneTicks : ticks;
                load.PairedOff = true;
                remainder.GoneTicks = ticks;
                remainder.PairedOff = true;
            }
        }
    }

    private SwitchedLoad Open(long startTicks, double watts, double vars, double beforeWatts, double varsUncertainty)
    {
        if (_loads.Count >= MaxLoads)
        {
            DropOldest();
        }
        var load = new SwitchedLoad { StartTicks = startTicks, Watts = watts, StepWatts = watts, Vars = vars, BeforeWatts = beforeWatts, VarsUncertainty = varsUncertainty };
        _loads.Add(load);
        return load;
    }

    /// <summary>
    /// The newest load, open before the step (or found unsupported during it), at least a step larger
    /// than a drop that left the meter too low to still carry it.
    /// </summary>
    private SwitchedLoad? SwitchedOffWithin(long beforeTicks, double off, double afterWatts)
    {
        for (var i = _loads.Count - 1; i >= 0; i--)
        {
            var load = _loads[i];
            var openBefore = !load.Gone || (!load.PairedOff && load.GoneTicks > beforeTicks);
            if (openBefore && !load.Fired && load.HasVars && load.Watts - off >= MinRemainderWatts
                && afterWatts < _low.Value + (UnsupportedShare * load.Watts) - 3)
            {
                return load;
            }
        }
        return null;
    }

    /// <summary>The open load whose real and reactive power best match a step of this size, if any.</summary>
    private SwitchedLoad? Match(double off, double offVars, double afterWatts, double afterVars)
    {
        SwitchedLoad? best = null;
        var bestCost = double.MaxValue;
        foreach (var load in _loads)
        {
            if (load.Gone)
            {
                continue;
            }
            var watts = Math.Abs(load.Watts - off);
            if (watts > Math.Max(0.2 * load.Watts, 20))
            {
                continue;
            }
            var cost = watts / load.Watts;
            if (load.HasVars && !double.IsNaN(offVars))
            {
                var vars = Math.Abs(load.Vars - offVars);
                if (vars > Math.Max(0.35 * Math.Abs(load.Vars), 30) + load.VarsUncertainty + VarsUncertainty(_stepBeforeWatts, _stepBeforeVars) + VarsUncertainty(afterWatts, afterVars))
                {
                    continue;
                }
                cost += vars / Math.Max(load.Watts, 50);
            }
            if (cost < bestCost)
            {
                best = load;
                bestCost = cost;
            }
        }
        return best;
    }

    /// <summary>A load the meter's level cannot hold any more is off, whether or not its step was seen.</summary>
    private void DropUnsupported(long ticks, double watts)
    {
        var low = _low.Value;
        for (var i = _loads.Count - 1; i >= 0; i--)
        {
            var load = _loads[i];
            if (load.Gone)
            {
                if (!load.Fired && ticks - load.GoneTicks > TimeSpan.TicksPerHour)
                {
                    _loads.RemoveAt(i);
                }
                continue;
            }
            var share = load.Fired ? 0.2 : UnsupportedShare;
            if (watts < low + (share * load.Watts) - 3)
            {
                load.GoneTicks = ticks;
                if (!load.Fired)
                {
                    // A refrigerator's run usually ends back at the night's low: the drop shows here,
                    // a reading before its step is paired.
                    Runs.Add(load.Watts, load.Vars, ticks - load.StartTicks);
                }
            }
        }
    }

    private void DropOldest()
    {
        for (var i = 0; i < _loads.Count; i++)
        {
            if (!_loads[i].Fired)
            {
                _loads.RemoveAt(i);
                return;
            }
        }
    }

    public void Remove(SwitchedLoad load) => _loads.Remove(load);

    /// <summary>True while a later load of the same real and reactive size is on alongside this one.</summary>
    public bool HasOpenTwin(SwitchedLoad load)
    {
        foreach (var other in _loads)
        {
            if (!other.Gone && ReferenceEquals(other.TwinOf, load))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Takes in a load found another way (the floors), so that its switch-off is followed like any other.</summary>
    public void Adopt(SwitchedLoad load)
    {
        if (_loads.Count >= MaxLoads)
        {
            DropOldest();
        }
        _loads.Add(load);
    }
}
