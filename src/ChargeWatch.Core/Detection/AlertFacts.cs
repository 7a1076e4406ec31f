namespace ChargeWatch.Core.Detection;

/// <summary>
/// What a rule says about an alert when it fires, escalates or resolves: the measured value, the
/// threshold it was compared with (null where the rule has no single measured value), and the
/// human summary of contract §6.
/// </summary>
public readonly record struct AlertFacts(
    string Summary,
    double? Value = null,
    double? Threshold = null,
    string? Unit = null,
    double Confidence = 1.0);
