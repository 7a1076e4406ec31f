using ChargeWatch.Core.Rules.Common;

namespace ChargeWatch.Core.Rules.FlywireStrip;

/// <summary>What one reading of a port told <see cref="PortSteps"/>.</summary>
internal enum StepEvent : byte
{
    None,
    /// <summary>The first charger of the session switched on.</summary>
    FirstStepOn,
    /// <summary>Another charger switched on in the same session: a strip.</summary>
    AnotherStepOn,
}

/// <summary>
/// One port's charging session seen as power steps. The port's level is the median of its last
/// three settled readings (one dip or spike does not move it); a rise of at least the step size
/// above that level becomes a step-on once it has held for the confirmation time over two readings.
/// Slow change (the plateau's creep, the taper, float) only moves the level.
/// </summary>
internal struct PortSteps
{
    private double _l0, _l1, _l2;
    private int _levels;
    private bool _pending;
    private double _pendingBefore;
    private long _pendingSinceTicks;
    private int _pendingReadings;
    private long _settleUntilTicks;
    private long _highSinceTicks;

    public bool InSession { get; private set; }

    /// <summary>Step-ons confirmed in this session.</summary>
    public int StepsOn { get; private set; }

    /// <summary>Size of the last confirmed step-on (W).</summary>
    public double LastStep { get; private set; }

    public DateTimeOffset LastStepAt { get; private set; }

    public AlertCycle Cycle;

    public double Level => _levels switch
    {
        0 => 0,
        1 => _l0,
        2 => (_l0 + _l1) / 2,
        _ => Math.Max(Math.Min(_l0, _l1), Math.Min(Math.Max(_l0, _l1), _l2)),
    };

    /// <summary>The port went idle: the session is over.</summary>
    public void EndSession()
    {
        InSession = false;
        StepsOn = 0;
        _pending = false;
        _levels = 0;
        _highSinceTicks = 0;
    }

    /// <summary>
    /// The port carries nothing now (full, off, fault): what switches on next is a step from zero;
    /// off and fault also end the count of chargers (re-energising is not a new charger).
    /// </summary>
    public void Deenergised(bool forgetSteps)
    {
        InSession = true;
        if (forgetSteps)
        {
            StepsOn = 0;
        }
        _pending = false;
        _levels = 0;
        Push(0);
        _highSinceTicks = 0;
    }

    /// <summary>After a gap: the port's history is unknown; a load present now counts as its first charger.</summary>
    public void Restart(double watts, double stepWatts)
    {
        InSession = true;
        StepsOn = watts >= stepWatts ? 1 : 0;
        _pending = false;
        _levels = 0;
        Push(watts);
        _highSinceTicks = 0;
    }

    public StepEvent Observe(DateTimeOffset at, double watts, FlywireStripOptions options)
    {
        if (!InSession)
        {
            // Plugged in from idle: the level before is zero.
            InSession = true;
            StepsOn = 0;
            _levels = 0;
            Push(0);
        }
        var ticks = at.UtcTicks;
        if (_pending)
        {
            if (watts >= _pendingBefore + options.StepWatts)
            {
                _pendingReadings++;
                if (_pendingReadings >= 2 && ticks - _pendingSinceTicks >= options.ConfirmFor.Ticks)
                {
                    _pending = false;
                    StepsOn++;
                    LastStep = watts - _pendingBefore;
                    LastStepAt = new DateTimeOffset(_pendingSinceTicks, TimeSpan.Zero).ToOffset(at.Offset);
                    _settleUntilTicks = _pendingSinceTicks + options.SettleFor.Ticks;
                    _levels = 0;
                    Push(watts);
                    return StepsOn >= 2 ? StepEvent.AnotherStepOn : StepEvent.FirstStepOn;
                }
                return StepEvent.None;
            }
            // Fell back before it was confirmed: an inrush reading or a spike.
            _pending = false;
            Push(watts);
            return StepEvent.None;
        }
        if (ticks < _settleUntilTicks)
        {
            // The charger that just switched on is still settling: it moves the level, not the count.
            _levels = 0;
            Push(watts);
            return StepEvent.None;
        }
        if (watts >= Level + options.StepWatts)
        {
            _pending = true;
            _pendingBefore = Level;
            _pendingSinceTicks = ticks;
            _pendingReadings = 1;
            return StepEvent.None;
        }
        Push(watts);
        return StepEvent.None;
    }

    /// <summary>True once the port has stayed above the limit for the hold time (consecutive readings).</summary>
    public bool AboveLimitHeld(DateTimeOffset at, double watts, FlywireStripOptions options)
    {
        var ticks = at.UtcTicks;
        if (watts <= options.MaxPortWatts)
        {
            _highSinceTicks = 0;
            return false;
        }
        if (_highSinceTicks == 0)
        {
            _highSinceTicks = ticks;
        }
        return ticks - _highSinceTicks >= options.MaxPortFor.Ticks;
    }

    private void Push(double watts)
    {
        _l2 = _l1;
        _l1 = _l0;
        _l0 = watts;
        _levels = Math.Min(3, _levels + 1);
    }
}
