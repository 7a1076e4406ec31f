using ChargeWatch.Core.Alerts;
using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Detection;
using ChargeWatch.Core.Readings;
using ChargeWatch.Core.Rules.Common;
using ChargeWatch.Core.Rules.ThermalHigh;

namespace ChargeWatch.Core.Rules.ThermalRise;

/// <summary>
/// <c>thermal.rise</c>: a temperature that climbs 5 °C or more within 60 s — the precursor of a
/// thermal runaway, long before an absolute limit is reached. Resolves after 5 min without such a rise.
/// </summary>
internal sealed class ThermalRiseRule : DetectionRule<ThermalRiseOptions, ThermalRiseState>
{
    public const string Id = "thermal.rise";

    public override bool AppliesTo(DeviceKind kind) => kind is DeviceKind.Charger or DeviceKind.Sensor;

    protected override ThermalRiseState CreateState(DeviceTrack device, ThermalRiseOptions options) => new();

    protected override void OnReading(RuleContext context, Reading reading, ThermalRiseOptions options, ThermalRiseState state)
    {
        Temperatures.ForEach(reading, state.Ports, ref state.Whole, (context, options),
            static (ref circuit, port, at, tempC, arg) => Evaluate(arg.context, ref circuit, port, at, tempC, arg.options));
    }

    private static void Evaluate(RuleContext context, ref RiseTrack track, int port, DateTimeOffset at, double tempC, ThermalRiseOptions options)
    {
        var device = context.Device;
        track.Window ??= new RiseWindow();
        var rise = track.Window.Add(at, tempC, TimeSpan.FromSeconds(options.WindowSeconds));
        if (rise >= options.RiseC)
        {
            if (track.Cycle.ShouldFire(AlertSeverity.Critical))
            {
                context.Fire(Id, device, port, AlertSeverity.Critical, at, new AlertFacts(
                    string.Create(Describe.Invariant,
                        $"{ThermalHighRule.Where(device.Key, port)} rose {rise:F1} °C within {options.WindowSeconds:F0} s to {tempC:F1} °C"),
                    rise, options.RiseC, "°C"));
            }
        }
        else if (track.Cycle.ClearHeld(at, TimeSpan.FromSeconds(options.QuietSeconds), context.Device.AfterGap))
        {
            context.Resolve(Id, device, port, at, new AlertFacts(
                string.Create(Describe.Invariant,
                    $"{ThermalHighRule.Where(device.Key, port)} has not risen {options.RiseC:F0} °C within {options.WindowSeconds:F0} s for {options.QuietSeconds / 60:F0} min (now {tempC:F1} °C)"),
                rise, null, "°C"));
        }
    }
}
