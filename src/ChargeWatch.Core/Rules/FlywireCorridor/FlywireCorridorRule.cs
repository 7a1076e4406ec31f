using System.Globalization;
using ChargeWatch.Core.Alerts;
using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Detection;
using ChargeWatch.Core.Readings;
using ChargeWatch.Core.Rules.Flywire;
using ChargeWatch.Core.Rules.FlywireHousehold;

namespace ChargeWatch.Core.Rules.FlywireCorridor;

/// <summary>
/// <c>flywire.corridor</c>: a corridor (public-area) circuit shows a sustained load ≥ 60 W over its
/// learned lighting baseline for ≥ 10 min — a charger plugged in a stairwell. Critical. Resolves
/// when the load has been gone 10 min; an alert restored after a restart that the detector does not
/// raise again is resolved as <see cref="RestoredAlertWatch"/> says. Household meters belong to
/// <c>flywire.household</c>.
/// </summary>
internal sealed class FlywireCorridorRule : DetectionRule<FlywireCorridorOptions, FlywireMeter<CorridorLoadDetector>>
{
    public const string Id = "flywire.corridor";

    public override bool AppliesTo(DeviceKind kind) => kind == DeviceKind.Meter;

    /// <summary>Contract §5: a plateau of at most 6 h and a taper of at most 3 h, with room to spare.</summary>
    private static readonly TimeSpan LongerThanAnyCharge = TimeSpan.FromHours(14);

    protected override FlywireMeter<CorridorLoadDetector> CreateState(DeviceTrack device, FlywireCorridorOptions options) => new(new(options));

    protected override void OnReading(RuleContext context, Reading reading, FlywireCorridorOptions options, FlywireMeter<CorridorLoadDetector> state)
    {
        if (reading is not MeterReading meter)
        {
            return;
        }
        if ((context.Device.Profile.Tags.Role ?? meter.Role ?? MeterRole.Household) != MeterRole.Corridor)
        {
            return;
        }
        var device = context.Device;
        var detector = state.Detector;
        state.Restored.Observe(context, Id, meter.Timestamp);
        switch (detector.Observe(meter.Timestamp, meter.Watts))
        {
            case HouseholdChange.Fired:
                state.Restored.Held();
                context.Fire(Id, device, 0, AlertSeverity.Critical, meter.Timestamp, new AlertFacts(
                    string.Create(CultureInfo.InvariantCulture,
                        $"Corridor circuit {device.Key.Device} carries +{detector.Added:0} W over its lighting baseline of {detector.Baseline:0} W since {detector.ElevatedSince:HH:mm}: a charger-like load in a public area"),
                    Math.Round(detector.Added, 1), options.AddedWatts, "W"));
                break;
            case HouseholdChange.Resolved:
                context.Resolve(Id, device, 0, meter.Timestamp, new AlertFacts(
                    string.Create(CultureInfo.InvariantCulture,
                        $"Corridor circuit {device.Key.Device} is back to its lighting baseline ({detector.Baseline:0} W)"),
                    Math.Round(detector.Added, 1), options.AddedWatts, "W"));
                break;
            default:
                if (state.Restored.ResolveNow(meter.Timestamp, detector.IsFiring, LongerThanAnyCharge, device.Key.Device) is { } summary)
                {
                    context.Resolve(Id, device, 0, meter.Timestamp, new AlertFacts(summary, null, options.AddedWatts, "W"));
                }
                break;
        }
    }
}
