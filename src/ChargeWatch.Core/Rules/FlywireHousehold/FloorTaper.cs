namespace ChargeWatch.Core.Rules.FlywireHousehold;

/// <summary>
/// The taper of a charger seen on the meter's floor itself (lowest reading of the floor window),
/// without attributing the floor to tracked loads: a flat plateau of a charger's size above the
/// household's low, then a decline spread over several readings (an exponential decay of the
/// constant-voltage phase) that leaves the load still there. A switch-off puts its whole fall into one
/// reading (quarter of the window); a refrigerator running at the taper's start only holds the floor
/// for its run, after which the catch-up fall is followed by further falls. For meters without a power factor, where the
/// taper is all the contract asks for, a floor that has fallen at every entry for 5 min is a taper too:
/// that needs no 12-minute window, so a fast taper is seen before a refrigerator run holds the floor.
/// One entry per 30 s of event time, so memory is fixed.
/// </summary>
internal sealed class FloorTaper
{
    private const int Capacity = 192;
    // No quarter of the taper window may carry more than this share of the fall; at least three
    // quarters carry 8 % each. Tuning seeds (no-pf misses / false alerts): 0.45: 26/7, 0.6: 23/8, 0.7: 20/12.
    private const double BiggestShare = 0.6;
    private static readonly long EntryTicks = TimeSpan.FromSeconds(30).Ticks;
    // The step-free level wanders with flicker and lights too: its fall must stand out from how far
    // it wandered during the plateau.
    private const double DriftNoiseMultiple = 3;
    private const double DriftMinWatts = 30;
    private const double ShortDropShare = 0.45;
    private static readonly long ShortDropTicks = TimeSpan.FromMinutes(3).Ticks;
    private static readonly TimeSpan DriftWindow = TimeSpan.FromMinutes(16);
    // The unbroken fall: at least this many entries, each lower than the last by this much, over
    // at least this long, none carrying more than this share of it.
    private const int UnbrokenMinFalls = 4;
    private const double UnbrokenStepWatts = 1;
    private const double UnbrokenLargestShare = 0.4;
    private static readonly long UnbrokenMinTicks = TimeSpan.FromMinutes(5).Ticks;
    private static readonly long SettledPlateauTicks = TimeSpan.FromMinutes(15).Ticks;
    private readonly long[] _ticks = new long[Capacity];
    private readonly double[] _floors = new double[Capacity];
    private readonly double[] _drifts = new double[Capacity];
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

    /// <summary>
    /// Records the floor and, for meters without pf, the meter's level with every switching step taken
    /// out (<see cref="StepFreeLevel"/>; NaN to leave it out).
    /// </summary>
    public void Add(long ticks, double floor, double drift = double.NaN)
    {
        if (_count > 0 && ticks - _ticks[_newest] < EntryTicks)
        {
            // Within the same half minute: the newest floor stands for it.
            _floors[_newest] = floor;
            _drifts[_newest] = drift;
            return;
        }
        _newest = (_newest + 1) % Capacity;
        _ticks[_newest] = ticks;
        _floors[_newest] = floor;
        _drifts[_newest] = drift;
        _count = Math.Min(_count + 1, Capacity);
    }

    /// <summary>
    /// True when the floor shows a charger's taper now, measured against the household's low.
    /// <paramref name="unbroken"/> also accepts a short fall that is new at every entry (meters
    /// without pf, whose contract asks for the taper within 15 min).
    /// </summary>
    public bool Seen(long ticks, double low, bool unbroken = false)
    {
        if (Seen(ticks, low, _options.FloorTaperWindow.Ticks, FallTest.Spread)
            || (_count > 0 && !double.IsNaN(_drifts[_newest]) && Seen(ticks, low, DriftWindow.Ticks, FallTest.Drift)))
        {
            return true;
        }
        var run = unbroken ? UnbrokenFallTicks() : 0;
        return run >= UnbrokenMinTicks && Seen(ticks, low, run, FallTest.Unbroken);
    }

    private enum FallTest
    {
        Spread,
        Drift,
        Unbroken,
    }

    /// <summary>
    /// How long the floor has fallen at every entry (by at least <see cref="UnbrokenStepWatts"/>), up to
    /// now. A constant-voltage taper lowers each reading below the last; a switch-off falls in one or two
    /// readings, lights going off one by one minutes apart.
    /// </summary>
    private long UnbrokenFallTicks()
    {
        var falls = 0;
        var k = 0;
        while (k + 1 < _count && _floors[Index(k + 1)] - _floors[Index(k)] >= UnbrokenStepWatts)
        {
            falls++;
            k++;
        }
        return falls >= UnbrokenMinFalls ? _ticks[_newest] - _ticks[Index(k)] : 0;
    }

    private bool Seen(long ticks, double low, long window, FallTest test)
    {
        // The floor rose a whole floor window after the load switched on; an unbroken fall needs no
        // more than the settled plateau on top of that (chargers' plateaus last from an hour).
        var plateauFrom = ticks - window - (test == FallTest.Unbroken ? SettledPlateauTicks : _options.PlateauMinDuration.Ticks);
        var oldest = Index(_count - 1);
        if (_count < 8 || _ticks[oldest] > plateauFrom + EntryTicks * 4)
        {
            return false;
        }
        // Walk from the oldest entry forward: plateau entries first, then the taper window, whose
        // fall is measured per quarter (independent of the reporting interval).
        double plateauMin = double.MaxValue, plateauMax = double.MinValue, start = double.NaN;
        long firstPlateau = 0;
        Span<double> quarterEnds = [double.NaN, double.NaN, double.NaN, double.NaN];
        Span<double> driftQuarterEnds = [double.NaN, double.NaN, double.NaN, double.NaN];
        double driftStart = double.NaN, driftMin = double.MaxValue, driftMax = double.MinValue;
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
                driftMin = Math.Min(driftMin, _drifts[i]);
                driftMax = Math.Max(driftMax, _drifts[i]);
                if (t > windowStart - SettledPlateauTicks)
                {
                    // Earlier, lights or a TV switching off may still have lowered the floor in a step.
                    plateauMax = Math.Max(plateauMax, floor);
                }
                start = floor;
                driftStart = _drifts[i];
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
            driftQuarterEnds[quarter] = _drifts[i];
        }
        if (double.IsNaN(start) || double.IsNaN(previous))
        {
            return false;
        }
        var plateau = start - low;
        var total = start - previous;
        var flat = test == FallTest.Unbroken
            // An unbroken fall needs only the load to have been there all along: higher floors
            // before it are loads that switched off (a television at bedtime), not its plateau.
            ? plateauMin >= start - ((0.1 * plateau) + 5)
            : plateauMax - plateauMin <= (0.15 * plateau) + 10 && start >= plateauMax - ((0.1 * plateau) + 5);
        var minimumFall = Math.Max(_options.TaperDrop * plateau, 12);
        // The floor's own decline, or — when a refrigerator run or a television switched on during
        // the taper holds the floor up — the decline of the step-free level, which they do not touch.
        var falls = test switch
        {
            // ... while the floor, held up by whatever switched on, at least did not rise.
            FallTest.Drift => total >= 0 && SpreadFall(driftStart, driftQuarterEnds, Math.Max(minimumFall, Math.Max(DriftNoiseMultiple * (driftMax - driftMin), DriftMinWatts)), 1.1 * plateau)
                && LargestShortDrop(windowStart) <= ShortDropShare * (driftStart - driftQuarterEnds[3]),
            // Every entry fell (checked by the caller): deep enough, and no one entry carries most of it.
            FallTest.Unbroken => SmoothFall(windowStart, out var largest) is var smooth && smooth >= minimumFall && largest <= UnbrokenLargestShare * smooth,
            _ => SpreadFall(start, quarterEnds, minimumFall, double.MaxValue),
        };
        var seen = plateau >= _options.FloorTaperMinWatts && plateau <= _options.MaxWatts && flat && falls
            && previous - low >= _options.GoneFraction * plateau;
        if (seen)
        {
            PlateauWatts = plateau;
            PlateauFromTicks = firstPlateau;
        }
        return seen;
    }

    /// <summary>
    /// A decline spread over the window like an exponential decay: at least three of its quarters
    /// carry 8 % of the fall each and none more than <see cref="BiggestShare"/> of it.
    /// </summary>
    private static bool SpreadFall(double start, ReadOnlySpan<double> quarterEnds, double minimum, double maximum)
    {
        var end = start;
        foreach (var quarterEnd in quarterEnds)
        {
            end = double.IsNaN(quarterEnd) ? end : quarterEnd;
        }
        var total = start - end;
        if (total < minimum || total > maximum)
        {
            return false;
        }
        var level = start;
        var falling = 0;
        var biggest = 0.0;
        foreach (var quarterEnd in quarterEnds)
        {
            if (double.IsNaN(quarterEnd))
            {
                continue;
            }
            var fall = level - quarterEnd;
            falling += fall >= 0.08 * total ? 1 : 0;
            biggest = Math.Max(biggest, fall);
            level = quarterEnd;
        }
        return falling >= 3 && biggest <= BiggestShare * total;
    }

    /// <summary>
    /// The step-free level's largest fall within any few minutes since <paramref name="from"/>: lights
    /// or a laptop switched off one by one (each too small to count as a switch) fall in a few such
    /// drops, a taper in many small ones.
    /// </summary>
    private double LargestShortDrop(long from)
    {
        var largest = 0.0;
        for (var k = 0; k < _count; k++)
        {
            var i = Index(k);
            if (_ticks[i] <= from)
            {
                break;
            }
            for (var j = k + 1; j < _count; j++)
            {
                var earlier = Index(j);
                if (_ticks[i] - _ticks[earlier] > ShortDropTicks)
                {
                    break;
                }
                largest = Math.Max(largest, _drifts[earlier] - _drifts[i]);
            }
        }
        return largest;
    }

    /// <summary>
    /// The floor's fall since <paramref name="from"/> without its first entry-to-entry fall, and the
    /// largest of those falls. The first may be a catch-up: a refrigerator run that held the floor
    /// while the taper began ends, and the floor drops to the tapering load at once.
    /// </summary>
    private double SmoothFall(long from, out double largest)
    {
        largest = 0;
        var sum = 0.0;
        for (var k = 0; k + 2 < _count && _ticks[Index(k + 1)] > from; k++)
        {
            var fall = _floors[Index(k + 1)] - _floors[Index(k)];
            largest = Math.Max(largest, fall);
            sum += fall;
        }
        return sum;
    }

    // k = 0 is the newest entry.
    private int Index(int k) => ((_newest - k) % Capacity + Capacity) % Capacity;
}
