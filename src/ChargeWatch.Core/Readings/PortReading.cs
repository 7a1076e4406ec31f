namespace ChargeWatch.Core.Readings;

/// <summary>One socket of a charger reading. Only <see cref="Port"/> and <see cref="Amps"/> are required.</summary>
public readonly record struct PortReading(
    int Port,
    double Amps,
    PortState State = PortState.Unknown,
    double? Volts = null,
    double? Watts = null,
    double? WattHours = null,
    double? TempC = null)
{
    /// <summary>Power as reported, else volts × amps, else null.</summary>
    public double? EffectiveWatts => Watts ?? (Volts is { } v ? v * Amps : null);
}
