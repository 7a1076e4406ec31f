namespace ChargeWatch.Core.Rules.Flywire;

/// <summary>A fly-wire rule's state of one meter: its detector, and an alert on it that the detector did not raise.</summary>
internal sealed class FlywireMeter<TDetector>(TDetector detector)
    where TDetector : class
{
    public TDetector Detector { get; } = detector;

    public RestoredAlertWatch Restored { get; } = new();
}
