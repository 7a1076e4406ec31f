using ChargeWatch.Core.Alerts;
using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Detection;
using ChargeWatch.Core.Readings;
using ChargeWatch.Core.Rules.Common;

namespace ChargeWatch.Core.Rules.FlywireStrip;

/// <summary>
/// <c>flywire.strip</c>: one port powers more than one charger (a power strip in the socket) — a
/// second step-on of at least 40 W in one charging session without an idle in between, or the port
/// above 600 W for 60 s. Warning, on the port. Resolves when the port goes idle.
/// An inrush reading, noise, the plateau's creep, the CC→CV taper and full→trickle never make a
/// step-on: a step must rise 40 W above the port's settled level and hold for 60 s.
/// </summary>
internal sealed class FlywireStripRule : DetectionRule<FlywireStripOptions, StripState>
{
    public const string Id = "flywire.strip";

    public override bool AppliesTo(DeviceKind kind) => kind == DeviceKind.Charger;

    protected override StripState CreateState(DeviceTrack device, FlywireStripOptions options) => new();

    protected override void OnReading(RuleContext context, Reading reading, FlywireStripOptions options, StripState state)
    {
        if (reading is not ChargerReading charger)
        {
            return;
        }
        var device = context.Device;
        var at = charger.Timestamp;
        foreach (var port in charger.Ports)
        {
            ref var steps = ref state.Ports[port.Port];
            if (IsIdle(port, options))
            {
                steps.EndSession();
                if (steps.Cycle.ClearHeld(at, TimeSpan.Zero))
                {
                    context.Resolve(Id, device, port.Port, at, new AlertFacts(
                        string.Create(Describe.Invariant, $"{Describe.Circuit(device.Key, port.Port)} is idle: the chargers are unplugged"),
                        null, null, "W"));
                }
                continue;
            }
            steps.Cycle.Hold();
            var watts = port.EffectiveWatts ?? port.Amps * options.NominalVolts;
            if (port.State is PortState.Full or PortState.Off or PortState.Fault)
            {
                steps.Deenergised(forgetSteps: port.State != PortState.Full);
                continue;
            }
            if (device.AfterGap)
            {
                steps.Restart(watts, options.StepWatts);
                continue;
            }
            if (steps.Observe(at, watts, options) == StepEvent.AnotherStepOn && steps.Cycle.ShouldFire(AlertSeverity.Warning))
            {
                context.Fire(Id, device, port.Port, AlertSeverity.Warning, at, new AlertFacts(
                    string.Create(Describe.Invariant,
                        $"{Describe.Circuit(device.Key, port.Port)} stepped up by {steps.LastStep:F0} W at {steps.LastStepAt:HH:mm} while already charging (now {watts:F0} W): charger number {steps.StepsOn} on one socket, a power strip"),
                    Math.Round(steps.LastStep, 1), options.StepWatts, "W"));
            }
            if (steps.AboveLimitHeld(at, watts, options) && steps.Cycle.ShouldFire(AlertSeverity.Warning))
            {
                context.Fire(Id, device, port.Port, AlertSeverity.Warning, at, new AlertFacts(
                    string.Create(Describe.Invariant,
                        $"{Describe.Circuit(device.Key, port.Port)} has drawn over {options.MaxPortWatts:F0} W for {options.MaxPortFor.TotalSeconds:F0} s (now {watts:F0} W): more than one charger on one socket"),
                    Math.Round(watts, 1), options.MaxPortWatts, "W"));
            }
        }
    }

    private static bool IsIdle(in PortReading port, FlywireStripOptions options) => port.State switch
    {
        PortState.Idle => true,
        PortState.Unknown => port.Amps <= options.IdleAmps,
        _ => false,
    };
}
