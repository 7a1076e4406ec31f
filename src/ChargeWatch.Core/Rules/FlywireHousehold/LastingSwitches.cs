namespace ChargeWatch.Core.Rules.FlywireHousehold;

/// <summary>
/// Switch-ons of a charger's power factor that were still on a whole floor window later, longer
/// than any refrigerator run: what a taper must have behind it. A television's flicker setting new
/// lows, or lights and a laptop going off one by one, can fall like a taper; they never switched on
/// as a load of pf ≤ 0.77 that stayed. Kept as values (start, size) because the step pairing drops
/// its loads an hour after they are gone or when it runs out of room. Fixed ring; no allocation.
/// </summary>
internal sealed class LastingSwitches(HouseholdSignatureOptions options)
{
    private const int Capacity = 16;
    // The load that tapers is the charger; the plateau it is measured on can carry other loads too,
    // and a switch-on several times bigger than the whole plateau is not what is tapering.
    private const double MaxPlateauMultiple = 3;
    private readonly long[] _startTicks = new long[Capacity];
    private readonly double[] _watts = new double[Capacity];
    private readonly double[] _powerFactors = new double[Capacity];
    private int _next;
    private int _count;

    /// <summary>Records the loads that have now lasted a floor window at a charger's power factor.</summary>
    public void Observe(long ticks, IReadOnlyList<SwitchedLoad> loads)
    {
        foreach (var load in loads)
        {
            if (load.Lasting || load.Gone || ticks - load.StartTicks < options.FloorWindow.Ticks)
            {
                continue;
            }
            load.Lasting = true;
            if (load.PowerFactor is { } pf && pf <= options.ChargerPowerFactorMax && load.Watts >= options.MinWatts && load.Watts <= options.MaxWatts)
            {
                _startTicks[_next] = load.StartTicks;
                _watts[_next] = load.Watts;
                _powerFactors[_next] = pf;
                _next = (_next + 1) % Capacity;
                _count = Math.Min(_count + 1, Capacity);
            }
        }
    }

    /// <summary>
    /// The power factor of a lasting charger-like switch-on, not far bigger than the plateau, that came
    /// before the plateau began (the newest such); null when none did.
    /// </summary>
    public double? Backing(double plateauWatts, long plateauFromTicks) =>
        Newest(long.MinValue, plateauFromTicks, 0, MaxPlateauMultiple * plateauWatts) is var i and >= 0 ? _powerFactors[i] : null;

    /// <summary>
    /// When the newest lasting charger-like switch-on of <paramref name="minWatts"/>–<paramref name="maxWatts"/>
    /// that began between the two times began; null when none did.
    /// </summary>
    public long? StartBetween(long fromTicks, long toTicks, double minWatts, double maxWatts) =>
        Newest(fromTicks, toTicks, minWatts, maxWatts) is var i and >= 0 ? _startTicks[i] : null;

    /// <summary>The size of the newest lasting charger-like switch-on that began between the two times; null when none did.</summary>
    public double? NewestWattsBetween(long fromTicks, long toTicks) =>
        Newest(fromTicks, toTicks, 0, double.MaxValue) is var i and >= 0 ? _watts[i] : null;

    /// <summary>Index of the newest switch-on that began in [fromTicks, toTicks] at minWatts–maxWatts; −1 if none.</summary>
    private int Newest(long fromTicks, long toTicks, double minWatts, double maxWatts)
    {
        for (var k = 1; k <= _count; k++)
        {
            var i = ((_next - k) % Capacity + Capacity) % Capacity;
            if (_startTicks[i] >= fromTicks && _startTicks[i] <= toTicks && _watts[i] >= minWatts && _watts[i] <= maxWatts)
            {
                return i;
            }
        }
        return -1;
    }

    public void Clear()
    {
        _next = 0;
        _count = 0;
    }
}
