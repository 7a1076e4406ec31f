using ChargeWatch.Core.Alerts;
using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Detection;
using ChargeWatch.Core.Readings;
using ChargeWatch.Core.Rules.Common;

namespace ChargeWatch.Core.Rules.Overcharge;

/// <summary>
/// <c>overcharge</c>: a port that keeps drawing more than 20 W for more than 10 h in one session —
/// a charger that never reaches its end of charge, or a damaged battery. Resolves when the port
/// goes idle, full or off (a port without a reported state: when it draws nothing).
/// </summary>
internal sealed class OverchargeRule : DetectionRule<OverchargeOptions, OverchargeState>
{
    public const string Id = "overcharge";

    public override bool AppliesTo(DeviceKind kind) => kind == DeviceKind.Charger;

    protected override OverchargeState CreateState(DeviceTrack device, OverchargeOptions options) => new();

    protected override void OnReading(RuleContext context, Reading reading, OverchargeOptions options, OverchargeState state)
    {
        if (reading is not ChargerReading charger)
        {
            return;
        }
        var device = context.Device;
        var at = charger.Timestamp;
        foreach (var port in charger.Ports)
        {
            ref var session = ref state.Ports[port.Port];
            if (SessionEnded(port))
            {
                session.Drawing = false;
                if (session.Cycle.ClearHeld(at, TimeSpan.Zero))
                {
                    context.Resolve(Id, device, port.Port, at, new AlertFacts(
                        string.Create(Describe.Invariant,
                            $"{Describe.Circuit(device.Key, port.Port)} session ended ({port.State.ToContractName()})"),
                        null, null, "h"));
                }
                continue;
            }
            session.Cycle.Hold();
            var watts = port.EffectiveWatts ?? port.Amps * options.NominalVolts;
            if (watts <= options.MinimumWatts)
            {
                session.Drawing = false;
                continue;
            }
            if (!session.Drawing)
            {
                session.Drawing = true;
                session.DrawingSinceTicks = at.UtcTicks;
            }
            var hours = (at.UtcTicks - session.DrawingSinceTicks) / (double)TimeSpan.TicksPerHour;
            if (hours > options.MaximumHours && session.Cycle.ShouldFire(AlertSeverity.Warning))
            {
                context.Fire(Id, device, port.Port, AlertSeverity.Warning, at, new AlertFacts(
                    string.Create(Describe.Invariant,
                        $"{Describe.Circuit(device.Key, port.Port)} has kept drawing over {options.MinimumWatts:F0} W for {hours:F1} h in one session (now {watts:F0} W, limit {options.MaximumHours:0.#} h)"),
                    hours, options.MaximumHours, "h"));
            }
        }
    }

    private static bool SessionEnded(in PortReading port) => port.State switch
    {
        PortState.Idle or PortState.Full or PortState.Off => true,
        PortState.Unknown => port.Amps <= 0,
        _ => false,
    };
}
