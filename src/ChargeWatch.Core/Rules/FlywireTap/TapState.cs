namespace ChargeWatch.Core.Rules.FlywireTap;

/// <summary>Per device: the shed it is counted in, and for a pile its held port power.</summary>
internal sealed class TapState
{
    public ShedBalance? Shed { get; set; }

    public PileBalance? Pile { get; set; }
}
