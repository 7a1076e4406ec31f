using ChargeWatch.Core.Alerts;
using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Detection;
using ChargeWatch.Core.Readings;
using ChargeWatch.Core.Rules.Common;

namespace ChargeWatch.Core.Rules.Leakage;

/// <summary>
/// <c>leakage</c>: a feeder's residual current at or over 15 mA (warning) or 30 mA (critical, an
/// escalation of the same alert). Resolves below 10 mA for 60 s.
/// </summary>
internal sealed class LeakageRule : DetectionRule<LeakageOptions, LeakageState>
{
    public const string Id = "leakage";

    public override bool AppliesTo(DeviceKind kind) => kind == DeviceKind.Feeder;

    protected override LeakageState CreateState(DeviceTrack device, LeakageOptions options) => new();

    protected override void OnReading(RuleContext context, Reading reading, LeakageOptions options, LeakageState state)
    {
        if (reading is not FeederReading { LeakMilliamps: { } leak } feeder)
        {
            return;
        }
        var device = context.Device;
        if (leak >= options.WarningMa)
        {
            var critical = leak >= options.CriticalMa;
            var severity = critical ? AlertSeverity.Critical : AlertSeverity.Warning;
            if (state.Cycle.ShouldFire(severity))
            {
                var limit = critical ? options.CriticalMa : options.WarningMa;
                context.Fire(Id, device, 0, severity, feeder.Timestamp, new AlertFacts(
                    string.Create(Describe.Invariant,
                        $"{Describe.Circuit(device.Key, 0)} has a residual current of {leak:F1} mA (limit {limit:F0} mA)"),
                    leak, limit, "mA"));
            }
        }
        else if (leak >= options.ClearBelowMa)
        {
            state.Cycle.Hold();
        }
        else if (state.Cycle.ClearHeld(feeder.Timestamp, TimeSpan.FromSeconds(options.ClearSeconds), context.Device.AfterGap))
        {
            context.Resolve(Id, device, 0, feeder.Timestamp, new AlertFacts(
                string.Create(Describe.Invariant,
                    $"{Describe.Circuit(device.Key, 0)} residual current has stayed below {options.ClearBelowMa:F0} mA for {options.ClearSeconds:F0} s (now {leak:F1} mA)"),
                leak, null, "mA"));
        }
    }
}
