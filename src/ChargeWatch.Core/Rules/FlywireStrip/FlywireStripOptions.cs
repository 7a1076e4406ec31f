using System.ComponentModel.DataAnnotations;

namespace ChargeWatch.Core.Rules.FlywireStrip;

/// <summary>Options of <c>flywire.strip</c> (contract §4): one port powering more than one charger.</summary>
public sealed class FlywireStripOptions : RuleOptions
{
    /// <summary>A rise of at least this, held, is a step-on (a charger switching on).</summary>
    [Range(1, 100_000)]
    public double StepWatts { get; set; } = 40;

    /// <summary>
    /// A step-on counts once the port has stayed at least <see cref="StepWatts"/> above its level
    /// before the rise for this long (and over two readings at least): an inrush reading or a noise
    /// spike falls back before.
    /// </summary>
    public TimeSpan ConfirmFor { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// After a step-on, further rise within this time belongs to the same charger (soft start,
    /// the pack voltage's fast initial rise under constant current).
    /// </summary>
    public TimeSpan SettleFor { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>One port above this power…</summary>
    [Range(1, 100_000)]
    public double MaxPortWatts { get; set; } = 600;

    /// <summary>…for this long fires (counted between consecutive readings both above it).</summary>
    public TimeSpan MaxPortFor { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Volts assumed for ports that report current only.</summary>
    [Range(1, 1000)]
    public double NominalVolts { get; set; } = 220;

    /// <summary>A port without a reported state counts as idle at or below this current.</summary>
    [Range(0, 1000)]
    public double IdleAmps { get; set; } = 0.01;

    public override IEnumerable<string> Validate()
    {
        if (ConfirmFor < TimeSpan.Zero || SettleFor < TimeSpan.Zero || MaxPortFor < TimeSpan.Zero)
        {
            yield return "ConfirmFor, SettleFor and MaxPortFor must not be negative";
        }
    }
}
