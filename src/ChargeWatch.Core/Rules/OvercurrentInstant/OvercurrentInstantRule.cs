using ChargeWatch.Core.Alerts;
using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Detection;
using ChargeWatch.Core.Readings;
using ChargeWatch.Core.Rules.Common;

namespace ChargeWatch.Core.Rules.OvercurrentInstant;

/// <summary>
/// <c>overcurrent.instant</c>: one reading at or above 5× rated on a port, a charger's total or a
/// feeder. Resolves like <c>overcurrent</c>: at or below rated for 60 s.
/// </summary>
internal sealed class OvercurrentInstantRule : DetectionRule<OvercurrentInstantOptions, OvercurrentInstantState>
{
    public const string Id = "overcurrent.instant";

    public override bool AppliesTo(DeviceKind kind) => kind is DeviceKind.Charger or DeviceKind.Feeder;

    protected override OvercurrentInstantState CreateState(DeviceTrack device, OvercurrentInstantOptions options) => new();

    protected override void OnReading(RuleContext context, Reading reading, OvercurrentInstantOptions options, OvercurrentInstantState state)
    {
        Currents.ForEach(reading, context.Device.Profile.Rated, state.Ports, ref state.Whole, (context, options),
            static (ref circuit, port, at, amps, rated, arg) => Evaluate(arg.context, ref circuit, port, at, amps, rated, arg.options));
    }

    private static void Evaluate(RuleContext context, ref AlertCycle cycle, int port,
        DateTimeOffset at, double amps, double rated, OvercurrentInstantOptions options)
    {
        var device = context.Device;
        var trip = rated * options.Multiple;
        if (amps >= trip)
        {
            if (cycle.ShouldFire(AlertSeverity.Critical))
            {
                context.Fire(Id, device, port, AlertSeverity.Critical, at, Drew(device.Key, port, amps, rated, trip, options.Multiple));
            }
        }
        else if (amps > rated)
        {
            cycle.Hold();
        }
        else if (cycle.ClearHeld(at, TimeSpan.FromSeconds(options.ClearSeconds), context.Device.AfterGap))
        {
            context.Resolve(Id, device, port, at, new AlertFacts(
                string.Create(Describe.Invariant,
                    $"{Describe.Circuit(device.Key, port)} has stayed at or below its rated {rated:F1} A for {options.ClearSeconds:F0} s (now {amps:F1} A)"),
                amps, trip, "A"));
        }
    }

    private static AlertFacts Drew(DeviceKey device, int port, double amps, double rated, double trip, double multiple) => new(
        string.Create(Describe.Invariant,
            $"{Describe.Circuit(device, port)} drew {amps:F1} A ({amps / rated:F1}x its rated {rated:F1} A, instantaneous limit {multiple:0.#}x): short circuit suspected"),
        amps, trip, "A");
}
