using ChargeWatch.Core.Rules.FlywireHousehold;
using ChargeWatch.Simulator.Physics.Circuits;

namespace ChargeWatch.Flywire.Tests.Rules.FlywireHousehold;

/// <summary>Runs the detector over a simulated night and returns its alert changes.</summary>
internal static class HouseholdNights
{
    public static List<(DateTimeOffset At, HouseholdChange Change, HouseholdEvidence Evidence)> Run(CircuitNight night, HouseholdSignatureOptions? options = null)
    {
        var detector = new HouseholdSignatureDetector(options ?? new HouseholdSignatureOptions());
        var changes = new List<(DateTimeOffset, HouseholdChange, HouseholdEvidence)>();
        foreach (var sample in night.Samples())
        {
            var change = detector.Observe(sample.Timestamp, sample.Watts, sample.PowerFactor);
            if (change != HouseholdChange.None)
            {
                changes.Add((sample.Timestamp, change, detector.Evidence));
            }
        }
        return changes;
    }

    /// <summary>A night with only the always-on loads plus the given appliances (no random mix).</summary>
    public static HouseholdOptions Quiet(bool? charge, bool pf = true) => new()
    {
        EbikeCharge = charge ?? false,
        Meter = new MeterOptions { ReportsPowerFactor = pf },
        ClimateProbability = 0,
        TelevisionProbability = 0,
        RiceCookerProbability = 0,
        WashingMachineProbability = 0,
    };
}
