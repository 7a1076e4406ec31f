namespace ChargeWatch.Simulator.Physics.Circuits;

/// <summary>
/// One metered circuit (a household or a corridor) over one night: its loads, the ground truth of
/// any e-bike charge on it, and the meter's readings. Fully determined by the seed and options;
/// <see cref="Samples"/> can be enumerated any number of times with identical results.
/// </summary>
public sealed class CircuitNight
{
    private readonly SimRandom _meterRandom;

    internal CircuitNight(
        CircuitRole role, ModelClock clock, TimeSpan duration, MeterOptions meter,
        IReadOnlyList<ILoad> loads, IReadOnlyList<ChargeTruth> charges, SimRandom meterRandom)
    {
        Role = role;
        Clock = clock;
        Duration = duration;
        Meter = meter;
        Loads = loads;
        Charges = charges;
        _meterRandom = meterRandom;
    }

    public CircuitRole Role { get; }

    public ModelClock Clock { get; }

    public DateTimeOffset Start => Clock.Epoch;

    public DateTimeOffset End => Clock.Epoch + Duration;

    public TimeSpan Duration { get; }

    public MeterOptions Meter { get; }

    /// <summary>Every load on the circuit (appliances, lights, chargers); their names say what they are.</summary>
    public IReadOnlyList<ILoad> Loads { get; }

    /// <summary>E-bike charges on this circuit (empty for a negative night).</summary>
    public IReadOnlyList<ChargeTruth> Charges { get; }

    public bool HasCharge => Charges.Count > 0;

    /// <summary>The meter's readings in time order.</summary>
    public IEnumerable<MeterSample> Samples() =>
        MeterSampler.Sample(Loads, Clock, 0, Duration.TotalSeconds, Meter, _meterRandom);

    /// <summary>True power of all loads at an instant (no meter effects), for plots and checks.</summary>
    public LoadPower TruePowerAt(DateTimeOffset time) => MeterSampler.Instant(Loads, Clock.SecondsAt(time));
}
