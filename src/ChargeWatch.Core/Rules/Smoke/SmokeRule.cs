using ChargeWatch.Core.Alerts;
using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Detection;
using ChargeWatch.Core.Readings;
using ChargeWatch.Core.Rules.Common;

namespace ChargeWatch.Core.Rules.Smoke;

/// <summary><c>smoke</c>: a sensor reports smoke. Resolves after 60 s of readings without smoke.</summary>
internal sealed class SmokeRule : DetectionRule<SmokeOptions, SmokeState>
{
    public const string Id = "smoke";

    public override bool AppliesTo(DeviceKind kind) => kind == DeviceKind.Sensor;

    protected override SmokeState CreateState(DeviceTrack device, SmokeOptions options) => new();

    protected override void OnReading(RuleContext context, Reading reading, SmokeOptions options, SmokeState state)
    {
        if (reading is not SensorReading { Smoke: { } smoke } sensor)
        {
            return;
        }
        var device = context.Device;
        var where = device.Shed is { } shed ? $"Sensor {device.Key.Device} in {shed}" : $"Sensor {device.Key.Device}";
        if (smoke)
        {
            if (state.Cycle.ShouldFire(AlertSeverity.Critical))
            {
                context.Fire(Id, device, 0, AlertSeverity.Critical, sensor.Timestamp, new AlertFacts(where + " reports smoke"));
            }
        }
        else if (state.Cycle.ClearHeld(sensor.Timestamp, TimeSpan.FromSeconds(options.ClearSeconds), context.Device.AfterGap))
        {
            context.Resolve(Id, device, 0, sensor.Timestamp, new AlertFacts(
                string.Create(Describe.Invariant, $"{where} has reported no smoke for {options.ClearSeconds:F0} s")));
        }
    }
}
