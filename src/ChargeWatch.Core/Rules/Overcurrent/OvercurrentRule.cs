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
        var device = context.Device;
        var rated = device.Profile.Rated;
        if (reading is ChargerReading charger)
        {
            foreach (var port in charger.Ports)
            {
                Evaluate(context, ref state.Ports[port.Port], port.Port, charger.Timestamp, port.Amps, rated.ForPort(port.Port), options);
            }
            Evaluate(context, ref state.Whole, 0, charger.Timestamp, charger.TotalAmps, rated.ChargerAmps, options);
        }
        else if (reading is FeederReading feeder)
        {
            Evaluate(context, ref state.Whole, 0, feeder.Timestamp, feeder.Amps, rated.FeederAmps, options);
        }
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
