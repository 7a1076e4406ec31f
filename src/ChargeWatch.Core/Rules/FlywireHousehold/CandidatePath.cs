namespace ChargeWatch.Core.Rules.FlywireHousehold;

/// <summary>Which of the detector's paths found a candidate charger (a feature of the candidate model).</summary>
internal enum CandidatePath
{
    /// <summary>A switched load's real and reactive step, carried by the floors.</summary>
    Step = 0,

    /// <summary>The floors' rise soon after a track opened, at a charger's ratio.</summary>
    FloorRise = 1,

    /// <summary>The floors against what they were a while ago, backed by a lasting switch-on.</summary>
    LaggedRise = 2,

    /// <summary>The floor's taper (the fallback with pf, the main evidence without).</summary>
    Taper = 3,

    /// <summary>A tracked load's confidence (meters without pf).</summary>
    Track = 4,

    /// <summary>A charger-like step still on, before the floors have carried it for a window.</summary>
    OpenStep = 5,

    /// <summary>The floors against what they were 40 min ago, at a charger's size and ratio, whatever switched.</summary>
    FloorWindow = 6,

    /// <summary>The last 20 minutes' low without the big appliances against the 20 before, at a charger's size and ratio.</summary>
    ShortRise = 7,
}
