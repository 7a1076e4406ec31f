using System.Text.RegularExpressions;
using ChargeWatch.Core.Rules;
using ChargeWatch.Core.Tests.Scenarios;

namespace ChargeWatch.Core.Tests.Rules;

public partial class RulesDocumentationTests
{
    public static TheoryData<string> RegisteredRuleIds() => [.. RuleCatalog.All.SelectMany(r => r.RuleIds).Distinct()];

    [Theory]
    [MemberData(nameof(RegisteredRuleIds))]
    public void RulesMd_EveryRegisteredRule_HasASection(string ruleId)
    {
        var sections = Heading().Matches(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "rules.md")))
            .Select(m => m.Groups[1].Value);

        Assert.Contains(ruleId, sections);
    }

    [Fact]
    public void RuleCatalog_Names_AreUnique()
    {
        Assert.Equal(RuleCatalog.All.Count, RuleCatalog.All.Select(r => r.Name.ToUpperInvariant()).Distinct().Count());
        Assert.Equal(RuleCatalog.All.Count, RuleCatalog.All.Select(r => r.OptionsType).Distinct().Count());
    }

    [GeneratedRegex(@"^## `([a-z.]+)`\s*$", RegexOptions.Multiline)]
    private static partial Regex Heading();
}
