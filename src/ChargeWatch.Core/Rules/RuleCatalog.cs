using ChargeWatch.Core.Rules.FlywireCorridor;
using ChargeWatch.Core.Rules.FlywireHousehold;
using ChargeWatch.Core.Rules.FlywireStrip;
using ChargeWatch.Core.Rules.FlywireTap;
using ChargeWatch.Core.Rules.Leakage;
using ChargeWatch.Core.Rules.Offline;
using ChargeWatch.Core.Rules.Overcharge;
using ChargeWatch.Core.Rules.Overcurrent;
using ChargeWatch.Core.Rules.OvercurrentInstant;
using ChargeWatch.Core.Rules.Smoke;
using ChargeWatch.Core.Rules.ThermalHigh;
using ChargeWatch.Core.Rules.ThermalRise;

namespace ChargeWatch.Core.Rules;

/// <summary>
/// The registration list: every rule the engine runs, one line each. Order is evaluation order
/// within a reading. A rule id listed here needs a section in <c>docs/rules.md</c> (a test checks).
/// </summary>
public static class RuleCatalog
{
    public static IReadOnlyList<RuleRegistration> All { get; } =
    [
        RuleRegistration.For<OvercurrentInstantRule, OvercurrentInstantOptions>("OvercurrentInstant", OvercurrentInstantRule.Id),
        RuleRegistration.For<OvercurrentRule, OvercurrentOptions>("Overcurrent", OvercurrentRule.Id),
        RuleRegistration.For<ThermalHighRule, ThermalHighOptions>("ThermalHigh", ThermalHighRule.Id),
        RuleRegistration.For<ThermalRiseRule, ThermalRiseOptions>("ThermalRise", ThermalRiseRule.Id),
        RuleRegistration.For<SmokeRule, SmokeOptions>("Smoke", SmokeRule.Id),
        RuleRegistration.For<LeakageRule, LeakageOptions>("Leakage", LeakageRule.Id),
        RuleRegistration.For<OverchargeRule, OverchargeOptions>("Overcharge", OverchargeRule.Id),
        RuleRegistration.For<OfflineRule, OfflineOptions>("Offline", OfflineRule.Id),
        // Fly-wire rules (issue 5) register here, one line each.
        RuleRegistration.For<FlywireHouseholdRule, HouseholdSignatureOptions>("FlywireHousehold", FlywireHouseholdRule.Id),
        RuleRegistration.For<FlywireCorridorRule, FlywireCorridorOptions>("FlywireCorridor", FlywireCorridorRule.Id),
        RuleRegistration.For<FlywireTapRule, FlywireTapOptions>("FlywireTap", FlywireTapRule.Id),
        RuleRegistration.For<FlywireStripRule, FlywireStripOptions>("FlywireStrip", FlywireStripRule.Id),
    ];
}
