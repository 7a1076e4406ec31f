using ChargeWatch.Core.Alerts;
using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Detection;
using ChargeWatch.Core.Readings;
using ChargeWatch.Core.Rules.Common;

namespace ChargeWatch.Core.Rules.FlywireTap;

/// <summary>
/// <c>flywire.tap</c>: a shed's feeder draws at least 100 W more than the sum of its chargers'
/// ports plus a 50 W allowance for 5 min — a cable hung off the shed's supply to charge bikes
/// outside the piles. Warning, on the feeder. Resolves when the gap has stayed below 100 W for 5 min.
/// While some pile of the shed is stale or offline there is no verdict (its load is unknown): the
/// sustain time starts over and an active alert neither resolves nor re-fires.
/// <para>The engine routes every device of one shed to one shard, so the shed's balance lives in
/// this rule instance; shed membership is the device's configured or reported shed.</para>
/// </summary>
internal sealed class FlywireTapRule : DetectionRule<FlywireTapOptions, TapState>
{
    public const string Id = "flywire.tap";

    private readonly Dictionary<(string Site, string Shed), ShedBalance> _sheds = [];

    public override bool AppliesTo(DeviceKind kind) => kind is DeviceKind.Feeder or DeviceKind.Charger;

    protected override TapState CreateState(DeviceTrack device, FlywireTapOptions options) =>
        new() { Pile = device.Key.Kind == DeviceKind.Charger ? new PileBalance(device) : null };

    protected override void OnReading(RuleContext context, Reading reading, FlywireTapOptions options, TapState state)
    {
        var device = context.Device;
        var shed = Join(device, state);
        switch (reading)
        {
            case ChargerReading charger:
                state.Pile!.Observe(charger, options.NominalVolts);
                break;
            case FeederReading feeder when shed is not null:
                Evaluate(context, feeder, options, shed);
                break;
        }
    }

    protected override void OnStatus(RuleContext context, bool online, DateTimeOffset at, FlywireTapOptions options, TapState state)
    {
        if (!online && state.Pile is { } pile)
        {
            pile.Offline = true;
        }
    }

    /// <summary>Puts the device into its current shed's balance (moving it when its shed changed).</summary>
    private ShedBalance? Join(DeviceTrack device, TapState state)
    {
        if (device.Shed is not { } id)
        {
            return null;
        }
        if (state.Shed is { } current && current.Shed == id)
        {
            return current;
        }
        if (state.Pile is { } pile)
        {
            state.Shed?.Remove(pile);
        }
        var key = (device.Key.Site, id);
        if (!_sheds.TryGetValue(key, out var shed))
        {
            _sheds[key] = shed = new ShedBalance(device.Key.Site, id);
        }
        if (state.Pile is { } joining)
        {
            shed.Add(joining);
        }
        state.Shed = shed;
        return shed;
    }

    private static void Evaluate(RuleContext context, FeederReading feeder, FlywireTapOptions options, ShedBalance shed)
    {
        var device = context.Device;
        var at = feeder.Timestamp;
        if (device.AfterGap)
        {
            // The feeder was silent: what the gap did meanwhile is unknown.
            shed.GapSince = null;
        }
        switch (shed.Compare(feeder, options))
        {
            case BalanceVerdict.Unknown:
                shed.GapSince = null;
                shed.Cycle.Hold();
                break;
            case BalanceVerdict.Gap:
                shed.GapSince ??= at;
                if (at - shed.GapSince.Value >= options.SustainFor)
                {
                    if (shed.Cycle.ShouldFire(AlertSeverity.Warning))
                    {
                        context.Fire(Id, device, 0, AlertSeverity.Warning, at, new AlertFacts(
                            string.Create(Describe.Invariant,
                                $"{Describe.Circuit(device.Key, 0)} draws {shed.FeederWatts - shed.PortsWatts:F0} {Unit(shed)} more than the ports of shed {shed.Shed} ({shed.FeederWatts:F0} vs {shed.PortsWatts:F0} {Unit(shed)}, {options.AllowanceWatts:F0} allowed for the shed's own loads) since {shed.GapSince.Value:HH:mm}: power taken off the feeder outside the piles"),
                            Math.Round(shed.Excess, 1), options.GapWatts, Unit(shed)));
                    }
                }
                else
                {
                    shed.Cycle.Hold();
                }
                break;
            case BalanceVerdict.Balanced:
                shed.GapSince = null;
                if (shed.Cycle.ClearHeld(at, options.ClearFor, device.AfterGap))
                {
                    context.Resolve(Id, device, 0, at, new AlertFacts(
                        string.Create(Describe.Invariant,
                            $"{Describe.Circuit(device.Key, 0)} matches the ports of shed {shed.Shed} again ({shed.FeederWatts:F0} vs {shed.PortsWatts:F0} {Unit(shed)}) for {options.ClearFor.TotalMinutes:0.#} min"),
                        Math.Round(shed.Excess, 1), options.GapWatts, Unit(shed)));
                }
                break;
        }
    }

    private static string Unit(ShedBalance shed) => shed.Real ? "W" : "VA";
}
