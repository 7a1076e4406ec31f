namespace ChargeWatch.Core.Rules.FlywireHousehold;

/// <summary>
/// A household's readings without its big appliances — heaters, air conditioners, kettles, cookers,
/// a washing machine's water heating: switches larger than any e-bike charger's step. A
/// thermostat-cycled heater can take turns with the refrigerator so that every reading without the
/// heater has the refrigerator on: the plain floor then shows a load that "stayed on" for an hour.
/// In the readings with the heater taken out, the refrigerator's off-times show again.
/// Each big appliance switches at a size of its own, so the sizes seen are remembered: a switch that
/// coincides with a refrigerator's is taken out at the appliance's usual size, which leaves the
/// refrigerator's step in the residual. Each size's reactive power is learned beside it (round
/// eight), so that the readings' reactive power can be had without the big appliances too: a rice
/// cooker's or an air conditioner's reactive power can hold the reactive floor up where it takes over
/// from a refrigerator. Fixed-size state, no allocation per reading.
/// </summary>
internal sealed class BigLoadFilter(double bigWatts)
{
    private const int MaxOpen = 4;
    private const int MaxSizes = 6;
    // A size seen again within this tolerance is the same appliance.
    private const double SameSizeShare = 0.05;
    private const double SameSizeWatts = 40;
    // A switch that coincides with a small load's (up to a refrigerator's start-up surge) still
    // belongs to a size seen twice before.
    private const double CompositeWatts = 280;
    // ... and its reactive power, up to a refrigerator's at pf 0.6.
    private const double CompositeVars = 300;
    // Reactive power per watt above a resistive appliance's (pf 0.98): a compressor's.
    private const double MotorRatioMin = 0.2;

    private readonly double[] _open = new double[MaxOpen];
    private readonly double[] _openVars = new double[MaxOpen];
    private int _openCount;
    private readonly double[] _sizes = new double[MaxSizes];
    private readonly int[] _seen = new int[MaxSizes];
    // When each size was last switched: with every slot taken, a new size replaces the one gone
    // longest, so a detector that runs for months follows the appliances in use (summer's air
    // conditioner, winter's heater) instead of keeping its first week's.
    private readonly long[] _lastSeenTicks = new long[MaxSizes];
    private readonly double[] _sizeVars = new double[MaxSizes];
    private readonly int[] _seenVars = new int[MaxSizes];
    private int _sizeCount;
    private bool _started;
    private double _lastWatts;
    private double _lastVars = double.NaN;
    // A jump of half a big step waits for the next reading: an averaging meter spreads a switch over two.
    private bool _pending;
    private double _beforeWatts;
    private double _beforeVars = double.NaN;
    // When the last few big appliances switched on: a floor window holds only a few of their runs.
    private readonly long[] _switchOnTicks = new long[8];
    private int _nextSwitchOn;

    /// <summary>
    /// True while a big switch is caught partway (an averaging meter spreads one over two readings):
    /// the reading carries part of an appliance the filter has not taken out yet.
    /// </summary>
    public bool Switching => _pending;

    /// <summary>Real power of the big appliances believed on (W).</summary>
    public double OpenWatts { get; private set; }

    /// <summary>Reactive power of the big appliances believed on (var), as learned with their sizes.</summary>
    public double OpenVars { get; private set; }

    /// <summary>
    /// Reactive power per watt of the household's most often seen big appliance with a motor's power
    /// factor (an air conditioner; 0 while none was seen twice): its draw wanders by a few per cent
    /// from second to second at that ratio, so along it its flicker cancels.
    /// </summary>
    public double ReactiveRatio
    {
        get
        {
            var best = -1;
            for (var i = 0; i < _sizeCount; i++)
            {
                if (_seenVars[i] >= 2 && _sizeVars[i] >= MotorRatioMin * _sizes[i] && (best < 0 || _seenVars[i] > _seenVars[best]))
                {
                    best = i;
                }
            }
            return best < 0 ? 0 : Math.Min(_sizeVars[best] / _sizes[best], 1);
        }
    }

    /// <summary>
    /// The last reading's reactive power without the big appliances (var); NaN when the reading's
    /// reactive power is unknown or the reading was left out (caught partway through a switch-off).
    /// </summary>
    public double ResidualVars { get; private set; } = double.NaN;

    /// <summary>True when a big appliance was seen switching on within <paramref name="slack"/> of <paramref name="ticks"/>.</summary>
    public bool SwitchedOnNear(long ticks, long slack)
    {
        foreach (var switchedOn in _switchOnTicks)
        {
            if (switchedOn != 0 && Math.Abs(switchedOn - ticks) <= slack)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Forgets what is on (after a gap in the readings); the appliances' sizes stay learned.</summary>
    public void Clear()
    {
        _openCount = 0;
        OpenWatts = 0;
        OpenVars = 0;
        _lastVars = double.NaN;
        _started = false;
        _pending = false;
    }

    /// <summary>
    /// Takes in a reading and returns it without the big appliances (W), or NaN when it may be caught
    /// partway through one switching off (it would read as a dip that no floor may take).
    /// <paramref name="low"/> is the household's lowest reading of the last hours, this one included;
    /// <paramref name="vars"/> the reading's reactive power (NaN when unknown), for <see cref="ResidualVars"/>.
    /// </summary>
    public double Residual(long ticks, double watts, double low, double vars = double.NaN)
    {
        var residual = ResidualWatts(ticks, watts, low, vars);
        ResidualVars = double.IsNaN(residual) ? double.NaN : vars - OpenVars;
        _lastVars = vars;
        return residual;
    }

    private double ResidualWatts(long ticks, double watts, double low, double vars)
    {
        if (!_started)
        {
            _started = true;
            _lastWatts = watts;
            return watts;
        }
        var midSwitch = false;
        if (_pending)
        {
            _pending = false;
            var step = watts - _beforeWatts;
            if (step >= bigWatts)
            {
                SwitchOn(ticks, step, vars - _beforeVars);
                _switchOnTicks[_nextSwitchOn] = ticks;
                _nextSwitchOn = (_nextSwitchOn + 1) % _switchOnTicks.Length;
            }
            else if (step <= -bigWatts || (_openCount > 0 && step <= -0.5 * Smallest()))
            {
                SwitchOff(ticks, -step);
            }
        }
        else if (Math.Abs(watts - _lastWatts) >= 0.5 * bigWatts || (_openCount > 0 && _lastWatts - watts >= 0.25 * Smallest()))
        {
            _pending = true;
            _beforeWatts = _lastWatts;
            _beforeVars = _lastVars;
            midSwitch = watts < _lastWatts;
        }
        _lastWatts = watts;
        var residual = watts - OpenWatts;
        if (_openCount > 0 && !_pending && residual < low - Math.Max(40, 0.05 * watts))
        {
            // No appliance can be on that takes the meter below the household's low: one of them
            // switched off unseen, its step hidden in another's.
            CloseToFit(low - residual);
            residual = watts - OpenWatts;
        }
        return midSwitch ? double.NaN : residual;
    }

    private double Smallest()
    {
        var smallest = double.MaxValue;
        for (var i = 0; i < _openCount; i++)
        {
            smallest = Math.Min(smallest, _open[i]);
        }
        return smallest;
    }

    private void SwitchOn(long ticks, double step, double stepVars)
    {
        var size = SizeOf(ticks, step, stepVars, out var sizeVars);
        if (_openCount == MaxOpen)
        {
            Close(0);
        }
        _openVars[_openCount] = double.IsNaN(sizeVars) ? 0 : sizeVars;
        _open[_openCount++] = size;
        OpenWatts += size;
        OpenVars += _openVars[_openCount - 1];
    }

    private void SwitchOff(long ticks, double drop)
    {
        if (_openCount > 0)
        {
            SizeOf(ticks, drop, double.NaN, out _);
            Close(Closest(drop));
        }
    }

    private void CloseToFit(double excess)
    {
        while (_openCount > 0 && excess > 0)
        {
            var index = Closest(excess);
            excess -= _open[index];
            Close(index);
        }
    }

    private int Closest(double watts)
    {
        var best = 0;
        for (var i = 1; i < _openCount; i++)
        {
            if (Math.Abs(_open[i] - watts) < Math.Abs(_open[best] - watts))
            {
                best = i;
            }
        }
        return best;
    }

    private void Close(int index)
    {
        _openCount--;
        _open[index] = _open[_openCount];
        _openVars[index] = _openVars[_openCount];
        OpenWatts = 0;
        OpenVars = 0;
        for (var i = 0; i < _openCount; i++)
        {
            OpenWatts += _open[i];
            OpenVars += _openVars[i];
        }
    }

    /// <summary>
    /// True when a switch's reactive power rules out a learned size of about its real power: a washing
    /// machine's water heating (pf 0.99) switching at an air conditioner's size (pf 0.9) is another
    /// appliance, whose reactive power taken as the air conditioner's would put hundreds of var amiss.
    /// </summary>
    private bool ReactivelyApart(int size, double stepVars) =>
        !double.IsNaN(stepVars) && _seenVars[size] > 0 && Math.Abs(stepVars - _sizeVars[size]) > CompositeVars;

    /// <summary>
    /// The appliance size a switch belongs to (a remembered size it matches, else the switch itself),
    /// learning it, and that size's reactive power (<paramref name="stepVars"/>, the switch's own, NaN
    /// for a switch-off or an unknown one, is learned only where it is the appliance's alone).
    /// </summary>
    private double SizeOf(long ticks, double step, double stepVars, out double sizeVars)
    {
        sizeVars = stepVars;
        var best = -1;
        for (var i = 0; i < _sizeCount; i++)
        {
            if (Math.Abs(_sizes[i] - step) <= CompositeWatts + (SameSizeShare * _sizes[i])
                && !ReactivelyApart(i, stepVars)
                && (best < 0 || Math.Abs(_sizes[i] - step) < Math.Abs(_sizes[best] - step)))
            {
                best = i;
            }
        }
        if (best >= 0 && Math.Abs(_sizes[best] - step) <= SameSizeWatts + (SameSizeShare * _sizes[best]))
        {
            _lastSeenTicks[best] = ticks;
            _seen[best]++;
            _sizes[best] += (step - _sizes[best]) / Math.Min(_seen[best], 8);
            if (!double.IsNaN(stepVars))
            {
                _seenVars[best]++;
                _sizeVars[best] += (stepVars - _sizeVars[best]) / Math.Min(_seenVars[best], 8);
            }
            sizeVars = _seenVars[best] == 0 ? stepVars : _sizeVars[best];
            return _sizes[best];
        }
        if (best >= 0 && _seen[best] >= 2)
        {
            // A composite switch: the appliance's learned reactive power, not the composite's.
            _lastSeenTicks[best] = ticks;
            sizeVars = _seenVars[best] == 0 ? stepVars : _sizeVars[best];
            return _sizes[best];
        }
        var slot = _sizeCount < MaxSizes ? _sizeCount++ : LongestGone();
        _sizes[slot] = step;
        _sizeVars[slot] = double.IsNaN(stepVars) ? 0 : stepVars;
        _seenVars[slot] = double.IsNaN(stepVars) ? 0 : 1;
        _seen[slot] = 1;
        _lastSeenTicks[slot] = ticks;
        return step;
    }

    private int LongestGone()
    {
        var oldest = 0;
        for (var i = 1; i < _sizeCount; i++)
        {
            if (_lastSeenTicks[i] < _lastSeenTicks[oldest])
            {
                oldest = i;
            }
        }
        return oldest;
    }
}
