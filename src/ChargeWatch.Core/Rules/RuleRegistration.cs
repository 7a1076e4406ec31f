using ChargeWatch.Core.Detection;

namespace ChargeWatch.Core.Rules;

/// <summary>
/// How the engine knows a rule: its configuration section name (under <c>ChargeWatch:Rules</c>,
/// <c>Sites:{site}:Rules</c> and a device's <c>Rules</c>), the contract rule ids it can raise (each
/// needs a section in <c>docs/rules.md</c>), its options type and how to make one rule instance per
/// shard.
/// </summary>
public sealed class RuleRegistration
{
    private RuleRegistration(string name, IReadOnlyList<string> ruleIds, Type optionsType,
        Func<RuleOptions> createOptions, Func<IDetectionRule> createRule)
    {
        Name = name;
        RuleIds = ruleIds;
        OptionsType = optionsType;
        CreateOptions = createOptions;
        CreateRule = createRule;
    }

    public string Name { get; }

    public IReadOnlyList<string> RuleIds { get; }

    public Type OptionsType { get; }

    /// <summary>A fresh options instance holding the contract defaults.</summary>
    public Func<RuleOptions> CreateOptions { get; }

    /// <summary>A fresh rule instance; the engine makes one per shard, so rules may keep private state.</summary>
    public Func<IDetectionRule> CreateRule { get; }

    public static RuleRegistration For<TRule, TOptions>(string name, params string[] ruleIds)
        where TRule : IDetectionRule, new()
        where TOptions : RuleOptions, new() =>
        new(name, ruleIds, typeof(TOptions), static () => new TOptions(), static () => new TRule());

    public override string ToString() => Name;
}
