namespace ChargeWatch.Simulator.Physics.Chargers;

/// <summary>
/// One e-bike charger with its pack, as seen from the socket. Powers are AC watts at the socket
/// (battery power divided by <see cref="Efficiency"/>). See docs/simulator.md for the sources.
/// </summary>
public sealed record ChargerProfile
{
    public required BatteryChemistry Chemistry { get; init; }

    /// <summary>Pack nominal voltage: 48, 60 or 72 V.</summary>
    public required int PackVolts { get; init; }

    /// <summary>Socket power at the start of the constant-current plateau.</summary>
    public required double PlateauWatts { get; init; }

    /// <summary>Relative rise of power across the plateau (pack voltage rises under constant current).</summary>
    public required double PlateauRise { get; init; }

    public required TimeSpan PlateauDuration { get; init; }

    /// <summary>Constant-voltage phase: current decays exponentially over this time to the cut-off.</summary>
    public required TimeSpan TaperDuration { get; init; }

    /// <summary>Cut-off current as a fraction of the plateau current (C/20 … C/10 in charger practice).</summary>
    public required double TaperCutoff { get; init; }

    /// <summary>Socket power after the taper: float charge (lead-acid) or standby (lithium).</summary>
    public required double FloatWatts { get; init; }

    /// <summary>Power factor on the plateau; cheap chargers without PFC.</summary>
    public required double PowerFactor { get; init; }

    public required double Efficiency { get; init; }

    /// <summary>Current of the one reading that catches the capacitor inrush, as a multiple of the plateau current.</summary>
    public required double InrushFactor { get; init; }

    public double PlateauEndWatts => PlateauWatts * (1 + PlateauRise);

    public TimeSpan ChargeDuration => PlateauDuration + TaperDuration;

    /// <summary>Draws a charger from the market mix (options narrow it down).</summary>
    public static ChargerProfile Sample(SimRandom random, ChargerProfileOptions? options = null)
    {
        options ??= new ChargerProfileOptions();
        var chemistry = options.Chemistry ?? (random.Chance(options.LithiumShare) ? BatteryChemistry.Lithium : BatteryChemistry.LeadAcid);
        var packVolts = options.PackVolts ?? PickPackVolts(random);
        // Most chargers deliver 1.8–5 A DC; the socket power lands mostly at 110–310 W and within 60–600 W.
        var plateau = options.PlateauWatts ?? SamplePlateauWatts(random, packVolts);
        var efficiency = random.Uniform(0.78, 0.9);
        var leadAcid = chemistry == BatteryChemistry.LeadAcid;
        var plateauHours = options.PlateauDuration?.TotalHours ?? random.Uniform(1.0, 6.0);
        var taperHours = options.TaperDuration?.TotalHours ?? (leadAcid ? random.Uniform(1.0, 3.0) : random.Uniform(0.5, 2.0));
        // A charge from a really flat pack lasts 2–10 h in all.
        if (options.PlateauDuration is null)
        {
            plateauHours = Math.Clamp(plateauHours, Math.Max(1.0, 2.05 - taperHours), 9.95 - taperHours);
        }
        return new ChargerProfile
        {
            Chemistry = chemistry,
            PackVolts = packVolts,
            PlateauWatts = plateau,
            // Lead-acid bulk voltage climbs from about 2.1 to 2.4 V/cell, lithium from about 3.6 to 4.2 V/cell.
            PlateauRise = leadAcid ? random.Uniform(0.06, 0.14) : random.Uniform(0.08, 0.16),
            PlateauDuration = TimeSpan.FromHours(plateauHours),
            TaperDuration = TimeSpan.FromHours(taperHours),
            TaperCutoff = random.Uniform(0.05, 0.1),
            FloatWatts = options.FloatWatts ?? (leadAcid ? random.Uniform(4, 12) : random.Uniform(0.5, 3)),
            PowerFactor = options.PowerFactor ?? random.Uniform(0.45, 0.75),
            Efficiency = efficiency,
            InrushFactor = random.Uniform(2.5, 5.0),
        };
    }

    private static int PickPackVolts(SimRandom random)
    {
        var x = random.NextDouble();
        return x < 0.6 ? 48 : x < 0.85 ? 60 : 72;
    }

    private static double SamplePlateauWatts(SimRandom random, int packVolts)
    {
        // DC charge current: usually 2–3 A, fast chargers up to 5–6 A, weak ones 1–1.5 A.
        var amps = random.Chance(0.85) ? random.Uniform(1.8, 3.6) : random.Uniform(1.0, 6.0);
        var chargeVolts = packVolts * 1.15;
        var socket = amps * chargeVolts / random.Uniform(0.8, 0.9);
        return Math.Clamp(socket, 60, 600);
    }
}
