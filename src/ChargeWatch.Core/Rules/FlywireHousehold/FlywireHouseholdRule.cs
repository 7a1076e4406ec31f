using ChargeWatch.Core.Alerts;
using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Detection;
using ChargeWatch.Core.Readings;
using ChargeWatch.Core.Rules.Flywire;

namespace ChargeWatch.Core.Rules.FlywireHousehold;

/// <summary>
/// <c>flywire.household</c>: a household meter shows an e-bike charging signature (contract §5).
/// The engine adapter around <see cref="HouseholdSignatureDetector"/>: one detector per household
/// meter, fired with the detector's confidence and evidence, resolved when the load has been gone
/// 10 min; an alert restored after a restart that the detector does not raise again is resolved as
/// <see cref="RestoredAlertWatch"/> says. Corridor meters belong to <c>flywire.corridor</c>.
/// </summary>
internal sealed class FlywireHouseholdRule : DetectionRule<HouseholdSignatureOptions, FlywireMeter<HouseholdSignatureDetector>>
{
    public const string Id = "flywire.household";

    public override bool AppliesTo(DeviceKind kind) => kind == DeviceKind.Meter;

    protected override FlywireMeter<HouseholdSignatureDetector> CreateState(DeviceTrack device, HouseholdSignatureOptions options) => new(new(options));

    protected override void OnReading(RuleContext context, Reading reading, HouseholdSignatureOptions options, FlywireMeter<HouseholdSignatureDetector> state)
    {
        if (reading is not MeterReading meter)
        {
            return;
        }
        var role = context.Device.Profile.Tags.Role ?? meter.Role ?? MeterRole.Household;
        if (role != MeterRole.Household)
        {
            return;
        }
        var detector = state.Detector;
        state.Restored.Observe(context, Id, meter.Timestamp);
        var voltAmps = meter.Volts * meter.Amps;
        switch (detector.Observe(meter.Timestamp, meter.Watts, meter.PowerFactor, voltAmps))
        {
            case HouseholdChange.Fired:
                state.Restored.Held();
                var evidence = detector.Evidence;
                var described = evidence.Summary(meter.DeviceId);
                if (detector.IgnoresReportedPowerFactor && meter.PowerFactor is not null && evidence.PowerFactor is not null)
                {
                    // The meter's own display shows cos φ, near 1 under a charger: say which pf the alert means.
                    described += "; pf from w / (v·a), the meter reports cos φ";
                }
                context.Fire(Id, context.Device, 0, AlertSeverity.Warning, meter.Timestamp, new AlertFacts(
                    described, Math.Round(evidence.PlateauWatts, 1), options.MinWatts, "W", Math.Round(evidence.Confidence, 2)));
                break;
            case HouseholdChange.Resolved:
                context.Resolve(Id, context.Device, 0, meter.Timestamp, new AlertFacts(
                    string.Create(System.Globalization.CultureInfo.InvariantCulture,
                        $"The charger-like load on {context.Device.Key.Device} has been gone since {detector.GoneAt:HH:mm}"),
                    null, options.MinWatts, "W", Math.Round(detector.Evidence.Confidence, 2)));
                break;
            default:
                if (state.Restored.ResolveNow(meter.Timestamp, detector.IsFiring, options.TrackMaxAge, context.Device.Key.Device) is { } summary)
                {
                    context.Resolve(Id, context.Device, 0, meter.Timestamp, new AlertFacts(summary, null, options.MinWatts, "W"));
                }
                break;
        }
    }
}
