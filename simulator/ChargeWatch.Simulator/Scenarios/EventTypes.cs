namespace ChargeWatch.Simulator.Scenarios;

/// <summary>The injectable incidents, their YAML names and the device kind each applies to.</summary>
public static class EventTypes
{
    public const string Overcurrent = "overcurrent";
    public const string ShortCircuit = "short-circuit";
    public const string ThermalRunaway = "thermal-runaway";
    public const string Smoke = "smoke";
    public const string Leakage = "leakage";
    public const string NeverStops = "never-stops";
    public const string Silent = "silent";
    public const string HouseholdCharge = "household-charge";
    public const string CorridorCharge = "corridor-charge";
    public const string FeederTap = "feeder-tap";
    public const string PowerStrip = "power-strip";
    public const string Duplicates = "duplicates";
    public const string Malformed = "malformed";
    public const string OutOfOrder = "out-of-order";

    public static readonly IReadOnlyDictionary<string, string> Targets = new Dictionary<string, string>
    {
        [Overcurrent] = "charger port",
        [ShortCircuit] = "charger port",
        [ThermalRunaway] = "charger port",
        [NeverStops] = "charger port",
        [PowerStrip] = "charger port",
        [Smoke] = "sensor",
        [Leakage] = "feeder",
        [FeederTap] = "feeder",
        [HouseholdCharge] = "household meter",
        [CorridorCharge] = "corridor meter",
        [Silent] = "any device",
        [Duplicates] = "any device",
        [Malformed] = "any device",
        [OutOfOrder] = "any device",
    };

    /// <summary>The contract §4 rule ids, for checking <c>expect</c> entries.</summary>
    public static readonly IReadOnlySet<string> Rules = new HashSet<string>
    {
        "overcurrent", "overcurrent.instant", "flywire.household", "flywire.corridor", "flywire.tap", "flywire.strip",
        "thermal.high", "thermal.rise", "smoke", "leakage", "overcharge", "offline",
    };
}
