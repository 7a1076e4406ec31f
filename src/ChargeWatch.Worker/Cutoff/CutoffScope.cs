namespace ChargeWatch.Worker.Cutoff;

/// <summary>How much a protective cut-off switches off.</summary>
public enum CutoffScope
{
    /// <summary>The one socket the alert is about.</summary>
    Port,

    /// <summary>Every known socket of the pile (charger total current, cabinet temperature).</summary>
    Pile,

    /// <summary>Every known socket of every pile of the shed (smoke, sensor heat, feeder current).</summary>
    Shed,
}
