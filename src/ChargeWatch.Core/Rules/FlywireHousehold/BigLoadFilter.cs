namespace ChargeWatch.Core.Rules.FlywireHousehold;

/// <summary>
/// A household's readings without its big appliances — heaters, air conditioners, kettles, cookers,
/// a washing machine's water heating: switches larger than any e-bike charger's step. A
/// thermostat-cycled heater can take turns with the refrigerator so that every reading without the
/// heater has the refrigerator on: the plain floor then shows a load that "stayed on" for an hour.
/// In the readings with the heater taken out, the refrigerator's off-times show again.
/// Each big appliance switches at a size of its own, so the sizes seen are remembered: a switch that
/// coincides with a refrigerator's is taken out at the appliance's usual size, which leaves the
/// refrigerator's step in the residual. Fixed-size state, no allocation per reading.
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

    private readonly double[] _open = new double[MaxOpen];
    private int _openCount;
    private readonly double[] _sizes = new double[MaxSizes];
    private readonly int[] _seen = new int[MaxSizes];
    private int _sizeCount;
    private bool _started;
    private double _lastWatts;
    // A jump of half a big step waits for the next reading: an averaging meter spreads a switch over two.
    private bool _pending;
    private double _beforeWatts;
    // When the last few big appliances switched on: a floor window holds only a few of their runs.
    private readonly long[] _switchOnTicks = new long[8];
    private int _nextSwitchOn;

    /// <summary>Real power of the big appliances believed on (W).</summary>
    public double OpenWatts { get; private set; }

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
        _started = false;
        _pending = false;
    }

    /// <summary>
    /// Takes in a reading and returns it without the big appliances (W), or NaN when it may be caught
    /// partway through one switching off (it would read as a dip that no floor may take).
    /// <paramref name="low"/> is the household's lowest reading of the last hours, this one included.
    /// </summary>
    public double Residual(long ticks, double watts, double low)
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
                SwitchOn(step);
                _switchOnTicks[_nextSwitchOn] = ticks;
                _nextSwitchOn = (_nextSwitchOn + 1) % _switchOnTicks.Length;
            }
            else if (step <= -bigWatts || (_openCount > 0 && step <= -0.5 * Smallest()))
            {
                SwitchOff(-step);
            }
        }
        else if (Math.Abs(watts - _lastWatts) >= 0.5 * bigWatts || (_openCount > 0 && _lastWatts - watts >= 0.25 * Smallest()))
        {
            _pending = true;
            _beforeWatts = _lastWatts;
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

    private void SwitchOn(double step)
    {
        var size = SizeOf(step);
        if (_openCount == MaxOpen)
        {
            Close(0);
        }
        _open[_openCount++] = size;
        OpenWatts += size;
    }

    private void SwitchOff(double drop)
    {
        if (_openCount > 0)
        {
            SizeOf(drop);
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
        OpenWatts = 0;
        for (var i = 0; i < _openCount; i++)
        {
            OpenWatts += _open[i];
        }
    }

    /// <summary>The appliance size a switch belongs to (a remembered size it matches, else the switch itself), learning it.</summary>
    private double SizeOf(double step)
    {
        var best = -1;
        for (var i = 0; i < _sizeCount; i++)
        {
            if (Math.Abs(_sizes[i] - step) <= CompositeWatts + (SameSizeShare * _sizes[i])
                && (best < 0 || Math.Abs(_sizes[i] - step) < Math.Abs(_sizes[best] - step)))
            {
                best = i;
            }
        }
        if (best >= 0 && Math.Abs(_sizes[best] - step) <= SameSizeWatts + (SameSizeShare * _sizes[best]))
        {
            _seen[best]++;
            _sizes[best] += (step - _sizes[best]) / Math.Min(_seen[best], 8);
            return _sizes[best];
        }
        if (best >= 0 && _seen[best] >= 2)
        {
            return _sizes[best];
        }
        if (_sizeCount < MaxSizes)
        {
            _sizes[_sizeCount] = step;
            _seen[_sizeCount] = 1;
            _sizeCount++;
        }
        return step;
    }
}
