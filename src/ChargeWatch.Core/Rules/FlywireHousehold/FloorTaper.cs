namespace ChargeWatch.Core.Rules.FlywireHousehold;

/// <summary>
/// The taper of a charger seen on the meter's floor itself (lowest reading of the floor window),
/// without attributing the floor to tracked loads: a flat plateau of a charger's size above the
/// household's low, then a decline spread over several readings (an exponential decay of the
/// constant-voltage phase) that leaves the load still there. A switch-off puts its whole fall into one
/// reading (quarter of the window); a refrigerator running at the taper's start only holds the floor
/// for its run, after which the catch-up fall is followed by further falls. For meters without a power factor, where the
/// taper is all the contract asks for. One entry per 30 s of event time, so memory is fixed.
/// </summary>
internal sealed class FloorTaper
{
    private const int Capacity = 192;
    // No quarter of the taper window may carry more than this share of the fall; at least three
    // quarters carry 8 % each. Tuning seeds (no-pf misses / false alerts): 0.45: 26/7, 0.6: 23/8, 0.7: 20/12.
    private const double BiggestShare = 0.6;
    private static readonly long EntryTicks = TimeSpan.FromSeconds(30).Ticks;
    private static readonly long SettledPlateauTicks = TimeSpan.FromMinutes(15).Ticks;
    private readonly long[] _ticks = new long[Capacity];
    private readonly double[] _floors = new double[Capacity];
    private readonly double[] _varsFloors = new double[Capacity];
    private readonly HouseholdSignatureOptions _options;
    private int _newest = -1;
    private int _count;

    public FloorTaper(HouseholdSignatureOptions options) => _options = options;

    /// <summary>The plateau's height above the household's low when the taper was seen (W).</summary>
    public double PlateauWatts { get; private set; }

    /// <summary>Event time of the oldest plateau reading the test looked at.</summary>
    public long PlateauFromTicks { get; private set; }

    public void Clear()
    {
        _newest = -1;
        _count = 0;
    }

    /// <summary>How far the floor fell over the taper window when the taper was seen (W, var; var NaN without pf).</summary>
    public double WattsFall { get; private set; }

    public double VarsFall { get; private set; }

    public void Add(long ticks, double floor, double varsFloor)
    {
        if (_count > 0 && ticks - _ticks[_newest] < EntryTicks)
        {
            // Within the same half minute: the newest floor stands for it.
            _floors[_newest] = floor;
            _varsFloors[_newest] = varsFloor;
            return;
        }
        _newest = (_newest + 1) % Capacity;
        _ticks[_newest] = ticks;
        _floors[_newest] = floor;
        _varsFloors[_newest] = varsFloor;
        _count = Math.Min(_count + 1, Capacity);
    }

    /// <summary>True when the floor shows a charger's taper now, measured against the household's low.</summary>
    public bool Seen(long ticks, double low)
    {
        var window = _options.FloorTaperWindow.Ticks;
        var plateauFrom = ticks - window - _options.PlateauMinDuration.Ticks;
        var oldest = Index(_count - 1);
        if (_count < 8 || _ticks[oldest] > plateauFrom + EntryTicks * 4)
        {
            return false;
        }
        // Walk from the oldest entry forward: plateau entries first, then the taper window, whose
        // fall is measured per quarter (independent of the reporting interval).
        double plateauMin = double.MaxValue, plateauMax = double.MinValue, start = double.NaN, varsStart = double.NaN;
        long firstPlateau = 0;
        Span<double> quarterEnds = [double.NaN, double.NaN, double.NaN, double.NaN];
        var previous = double.NaN;
        var windowStart = ticks - window;
        for (var k = _count - 1; k >= 0; k--)
        {
            var i = Index(k);
            var t = _ticks[i];
            var floor = _floors[i];
            if (t < plateauFrom)
            {
                continue;
            }
            if (t <= windowStart)
            {
                firstPlateau = firstPlateau == 0 ? t : firstPlateau;
                plateauMin = Math.Min(plateauMin, floor);
                if (t > windowStart - SettledPlateauTicks)
                {
                    // Earlier, lights or a TV switching off may still have lowered the floor in a step.
                    plateauMax = Math.Max(plateauMax, floor);
                }
                start = floor;
                varsStart = _varsFloors[i];
                previous = floor;
                continue;
            }
            if (double.IsNaN(previous))
            {
                return false;
            }
            if (floor - previous > (0.1 * (start - low)) + 10)
            {
                // Something switched on and stayed: not a clean taper.
                return false;
            }
            previous = floor;
            var quarter = (int)Math.Min(3, (t - windowStart) * 4 / window);
            quarterEnds[quarter] = floor;
        }
        if (double.IsNaN(start) || double.IsNaN(previous))
        {
            return false;
        }
        var plateau = start - low;
        var total = start - previous;
        var level = start;
        var falling = 0;
        var biggest = 0.0;
        foreach (var end in quarterEnds)
        {
            if (double.IsNaN(end))
            {
                continue;
            }
            var fall = level - end;
            falling += fall >= 0.08 * total ? 1 : 0;
            biggest = Math.Max(biggest, fall);
            level = end;
        }
        var flat = plateauMax - plateauMin <= (0.15 * plateau) + 10 && start >= plateauMax - ((0.1 * plateau) + 5);
        var seen = plateau >= _options.FloorTaperMinWatts && plateau <= _options.MaxWatts && flat
            && total >= Math.Max(_options.TaperDrop * plateau, 12) && falling >= 3 && biggest <= BiggestShare * total
            && previous - low >= _options.GoneFraction * plateau;
        if (seen)
        {
            PlateauWatts = plateau;
            PlateauFromTicks = firstPlateau;
            WattsFall = total;
            VarsFall = varsStart - _varsFloors[_newest];
        }
        return seen;
    }

    // k = 0 is the newest entry.
    private int Index(int k) => ((_newest - k) % Capacity + Capacity) % Capacity;
}
