using System.Globalization;
using ChargeWatch.Core.Alerts;
using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Detection;
using ChargeWatch.Core.Readings;
using ChargeWatch.Core.Rules.FlywireHousehold;

namespace ChargeWatch.Core.Rules.FlywireCorridor;

/// <summary>
/// <c>flywire.corridor</c>: a corridor (public-area) circuit shows a sustained load ≥ 60 W over its
/// learned lighting baseline for ≥ 10 min — a charger plugged in a stairwell. Critical. Resolves
/// when the load has been gone 10 min. Household meters belong to <c>flywire.household</c>.
/// </summary>
internal sealed class FlywireCorridorRule : DetectionRule<FlywireCorridorOptions, CorridorLoadDetector>
{
    public const string Id = "flywire.corridor";

    public override bool AppliesTo(DeviceKind kind) => kind == DeviceKind.Meter;

    protected override CorridorLoadDetector CreateState(DeviceTrack device, FlywireCorridorOptions options) => new(options);

    protected override void OnReading(RuleContext context, Reading reading, FlywireCorridorOptions options, CorridorLoadDetector state)
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
        switch (state.Observe(meter.Timestamp, meter.Watts))
        {
            case HouseholdChange.Fired:
                context.Fire(Id, device, 0, AlertSeverity.Critical, meter.Timestamp, new AlertFacts(
                    string.Create(CultureInfo.InvariantCulture,
                        $"Corridor circuit {device.Key.Device} carries +{state.Added:0} W over its lighting baseline of {state.Baseline:0} W since {state.ElevatedSince:HH:mm}: a charger-like load in a public area"),
                    Math.Round(state.Added, 1), options.AddedWatts, "W"));
                break;
            case HouseholdChange.Resolved:
                context.Resolve(Id, device, 0, meter.Timestamp, new AlertFacts(
                    string.Create(CultureInfo.InvariantCulture,
                        $"Corridor circuit {device.Key.Device} is back to its lighting baseline ({state.Baseline:0} W)"),
                    Math.Round(state.Added, 1), options.AddedWatts, "W"));
                break;
        }
    }
}
