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
    // The load that tapers is the charger; the plateau it is measured on can carry other loads too,
    // and a switch-on several times bigger than the whole plateau is not what is tapering.
    private const double MaxPlateauMultiple = 3;
    private readonly Ring<LastingSwitch> _switches = new(16);

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
                _switches.Add(new LastingSwitch(load.StartTicks, load.Watts, pf));
            }
        }
    }

    /// <summary>
    /// The power factor of a lasting charger-like switch-on, not far bigger than the plateau, that came
    /// before the plateau began (the newest such); null when none did.
    /// </summary>
    public double? Backing(double plateauWatts, long plateauFromTicks) =>
        Newest(long.MinValue, plateauFromTicks, 0, MaxPlateauMultiple * plateauWatts)?.PowerFactor;

    /// <summary>
    /// When the newest lasting charger-like switch-on of <paramref name="minWatts"/>–<paramref name="maxWatts"/>
    /// that began between the two times began; null when none did.
    /// </summary>
    public long? StartBetween(long fromTicks, long toTicks, double minWatts, double maxWatts) =>
        Newest(fromTicks, toTicks, minWatts, maxWatts)?.StartTicks;

    /// <summary>The size of the newest lasting charger-like switch-on that began between the two times; null when none did.</summary>
    public double? NewestWattsBetween(long fromTicks, long toTicks) =>
        Newest(fromTicks, toTicks, 0, double.MaxValue)?.Watts;

    /// <summary>The newest switch-on that began in [fromTicks, toTicks] at minWatts–maxWatts; null if none.</summary>
    private LastingSwitch? Newest(long fromTicks, long toTicks, double minWatts, double maxWatts)
    {
        for (var age = 0; age < _switches.Count; age++)
        {
            ref readonly var candidate = ref _switches.Newest(age);
            if (candidate.StartTicks >= fromTicks && candidate.StartTicks <= toTicks && candidate.Watts >= minWatts && candidate.Watts <= maxWatts)
            {
                return candidate;
            }
        }
        return null;
    }

    public void Clear() => _switches.Clear();

    private readonly record struct LastingSwitch(long StartTicks, double Watts, double PowerFactor);
}
