using ChargeWatch.Core.Alerts;
using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Detection;
using ChargeWatch.Core.Readings;

namespace ChargeWatch.Core.Rules.FlywireHousehold;

/// <summary>
/// <c>flywire.household</c>: a household meter shows an e-bike charging signature (contract §5).
/// The engine adapter around <see cref="HouseholdSignatureDetector"/>: one detector per household
/// meter, fired with the detector's confidence and evidence, resolved when the load has been gone
/// 10 min. Corridor meters belong to <c>flywire.corridor</c>.
/// </summary>
internal sealed class FlywireHouseholdRule : DetectionRule<HouseholdSignatureOptions, HouseholdSignatureDetector>
{
    public const string Id = "flywire.household";

    public override bool AppliesTo(DeviceKind kind) => kind == DeviceKind.Meter;

    protected override HouseholdSignatureDetector CreateState(DeviceTrack device, HouseholdSignatureOptions options) => new(options);

    protected override void OnReading(RuleContext context, Reading reading, HouseholdSignatureOptions options, HouseholdSignatureDetector state)
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
        var voltAmps = meter.Volts * meter.Amps;
        switch (state.Observe(meter.Timestamp, meter.Watts, meter.PowerFactor, voltAmps))
        {
            case HouseholdChange.Fired:
                var evidence = state.Evidence;
                context.Fire(Id, context.Device, 0, AlertSeverity.Warning, meter.Timestamp, new AlertFacts(
                    evidence.Summary(meter.DeviceId), Math.Round(evidence.PlateauWatts, 1), options.MinWatts, "W", Math.Round(evidence.Confidence, 2)));
                break;
            case HouseholdChange.Resolved:
                context.Resolve(Id, context.Device, 0, meter.Timestamp, new AlertFacts(
                    string.Create(System.Globalization.CultureInfo.InvariantCulture,
                        $"The charger-like load on {context.Device.Key.Device} has been gone since {state.GoneAt:HH:mm}"),
                    null, options.MinWatts, "W", Math.Round(state.Evidence.Confidence, 2)));
                break;
        }
    }
}
