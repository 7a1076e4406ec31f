using ChargeWatch.Core.Alerts;
using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Detection;
using ChargeWatch.Core.Readings;
using ChargeWatch.Core.Rules.Common;

namespace ChargeWatch.Core.Rules.Overcurrent;

/// <summary>
/// <c>overcurrent</c>: a port, a charger's total or a feeder above its rated current long enough
/// to trip the standard-inverse curve. Resolves after the current has stayed at or below rated.
/// </summary>
internal sealed class OvercurrentRule : DetectionRule<OvercurrentOptions, OvercurrentState>
{
    public const string Id = "overcurrent";

    public override bool AppliesTo(DeviceKind kind) => kind is DeviceKind.Charger or DeviceKind.Feeder;

    protected override OvercurrentState CreateState(DeviceTrack device, OvercurrentOptions options) => new();

    protected override void OnReading(RuleContext context, Reading reading, OvercurrentOptions options, OvercurrentState state)
    {
        Currents.ForEach(reading, context.Device.Profile.Rated, state.Ports, ref state.Whole, (context, options),
            static (ref circuit, port, at, amps, rated, arg) => Evaluate(arg.context, ref circuit, port, at, amps, rated, arg.options));
    }

    private static void Evaluate(RuleContext context, ref OvercurrentCircuit circuit, int port,
        DateTimeOffset at, double amps, double rated, OvercurrentOptions options)
    {
        var device = context.Device;
        if (circuit.Observe(at, amps, rated, options.TimeMultiplier, device.GapLimit))
        {
            circuit.Cycle.Hold();
            if (circuit.Progress >= 1.0 && circuit.Cycle.ShouldFire(AlertSeverity.Critical))
            {
                context.Fire(Id, device, port, AlertSeverity.Critical, at, Drew(device.Key, port, amps, rated));
            }
        }
        else if (circuit.Cycle.ClearHeld(at, TimeSpan.FromSeconds(options.ClearSeconds), context.Device.AfterGap))
        {
            context.Resolve(Id, device, port, at, BackBelow(device.Key, port, amps, rated, options.ClearSeconds));
        }
    }

    internal static AlertFacts Drew(DeviceKey device, int port, double amps, double rated) => new(
        string.Create(Describe.Invariant,
            $"{Describe.Circuit(device, port)} drew {amps:F1} A ({amps / rated:F1}x its rated {rated:F1} A)"),
        amps, rated, "A");

    internal static AlertFacts BackBelow(DeviceKey device, int port, double amps, double rated, double seconds) => new(
        string.Create(Describe.Invariant,
            $"{Describe.Circuit(device, port)} has stayed at or below its rated {rated:F1} A for {seconds:F0} s (now {amps:F1} A)"),
        amps, rated, "A");
}
