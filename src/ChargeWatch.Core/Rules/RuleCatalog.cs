namespace ChargeWatch.Core.Rules;

/// <summary>
/// The registration list: every rule the engine runs, one line each. Order is evaluation order
/// within a reading. A rule id listed here needs a section in <c>docs/rules.md</c> (a test checks).
/// </summary>
public static class RuleCatalog
{
    public static IReadOnlyList<RuleRegistration> All { get; } =
    [
    ];
}
