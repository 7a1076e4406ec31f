namespace ChargeWatch.Core.Rules.FlywireHousehold;

/// <summary>
/// The meter's level with every switching step taken out: the running sum of the reading-to-reading
/// changes too small to be a switch. Loads that switch on or off do not move it; loads that stay on
/// add only their noise, which telescopes away; a charger's constant-voltage phase, a decay spread
/// over many readings, pulls it down steadily — even while a refrigerator or a television that
/// switched on meanwhile holds the floor up. Works on the median of the last three readings, so one
/// reading's flicker is not half a step, and leaves out the minutes after a switch, in which a
/// compressor's start-up draw settles.
/// </summary>
internal sealed class StepFreeLevel
{
    // A second reading moving the same way right after a switch is the rest of it (averaging meters
    // spread one switch over two readings), unless it is as small as noise.
    private const double RestOfStepMinWatts = 5;
    private static readonly long SettleTicks = TimeSpan.FromMinutes(3).Ticks;
    private double _a = double.NaN;
    private double _b = double.NaN;
    private double _lastLevel = double.NaN;
    private int _lastStepSign;
    private long _settledTicks;

    public double Value { get; private set; }

    /// <summary>
    /// Takes one reading; <paramref name="busy"/> says a big appliance (a heater, an air conditioner)
    /// is on, whose own flicker is larger than any taper's fall, so that stretch is left out.
    /// </summary>
    public void Add(long ticks, double watts, bool busy)
    {
        var level = double.IsNaN(_a) ? watts : double.IsNaN(_b) ? _a : Median(_a, _b, watts);
        _a = _b;
        _b = watts;
        var change = level - _lastLevel;
        var previous = _lastLevel;
        _lastLevel = level;
        if (double.IsNaN(change))
        {
            return;
        }
        var sign = Math.Sign(change);
        var isStep = Math.Abs(change) >= StepPairing.Threshold(previous, level)
            || (sign == _lastStepSign && Math.Abs(change) >= RestOfStepMinWatts);
        if (isStep)
        {
            _lastStepSign = _lastStepSign == sign ? 0 : sign;
            _settledTicks = ticks + SettleTicks;
            return;
        }
        _lastStepSign = 0;
        if (busy)
        {
            _settledTicks = ticks + SettleTicks;
        }
        else if (ticks > _settledTicks)
        {
            Value += change;
        }
    }

    public void Clear()
    {
        _a = double.NaN;
        _b = double.NaN;
        _lastLevel = double.NaN;
        _lastStepSign = 0;
        _settledTicks = 0;
    }

    private static double Median(double x, double y, double z) => Math.Max(Math.Min(x, y), Math.Min(Math.Max(x, y), z));
}
