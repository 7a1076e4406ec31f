using ChargeWatch.Core.Alerts;
using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Detection;
using ChargeWatch.Core.Readings;
using ChargeWatch.Core.Rules.Common;

namespace ChargeWatch.Core.Rules.ThermalHigh;

/// <summary>
/// <c>thermal.high</c>: a port, cabinet or sensor temperature at or over 60 °C (warning) or 75 °C
/// (critical, an escalation of the same alert). Resolves 5 °C below the warning limit for 60 s.
/// </summary>
internal sealed class ThermalHighRule : DetectionRule<ThermalHighOptions, ThermalHighState>
{
    public const string Id = "thermal.high";

    public override bool AppliesTo(DeviceKind kind) => kind is DeviceKind.Charger or DeviceKind.Sensor;

    protected override ThermalHighState CreateState(DeviceTrack device, ThermalHighOptions options) => new();

    protected override void OnReading(RuleContext context, Reading reading, ThermalHighOptions options, ThermalHighState state)
    {
        Temperatures.ForEach(reading, state.Ports, ref state.Whole, (context, options),
            static (ref circuit, port, at, tempC, arg) => Evaluate(arg.context, ref circuit, port, at, tempC, arg.options));
    }

    private static void Evaluate(RuleContext context, ref AlertCycle cycle, int port, DateTimeOffset at, double tempC, ThermalHighOptions options)
    {
        var device = context.Device;
        if (tempC >= options.WarningC)
        {
            var critical = tempC >= options.CriticalC;
            var severity = critical ? AlertSeverity.Critical : AlertSeverity.Warning;
            if (cycle.ShouldFire(severity))
            {
                var limit = critical ? options.CriticalC : options.WarningC;
                context.Fire(Id, device, port, severity, at, new AlertFacts(
                    string.Create(Describe.Invariant,
                        $"{Where(device.Key, port)} is at {tempC:F1} °C (limit {limit:F0} °C)"),
                    tempC, limit, "°C"));
            }
        }
        else if (tempC > options.WarningC - options.ClearMarginC)
        {
            cycle.Hold();
        }
        else if (cycle.ClearHeld(at, TimeSpan.FromSeconds(options.ClearSeconds), context.Device.AfterGap))
        {
            var below = options.WarningC - options.ClearMarginC;
            context.Resolve(Id, device, port, at, new AlertFacts(
                string.Create(Describe.Invariant,
                    $"{Where(device.Key, port)} has stayed at or below {below:F0} °C for {options.ClearSeconds:F0} s (now {tempC:F1} °C)"),
                tempC, null, "°C"));
        }
    }

    internal static string Where(DeviceKey device, int port) => port > 0
        ? Describe.Circuit(device, port)
        : device.Kind == DeviceKind.Charger ? "Cabinet of " + device.Device : Describe.Circuit(device, 0);
}
