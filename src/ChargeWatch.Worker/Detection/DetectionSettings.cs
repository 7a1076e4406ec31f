using ChargeWatch.Core.Rules;
using ChargeWatch.Core.Sites;
using Microsoft.Extensions.Options;

namespace ChargeWatch.Worker.Detection;

/// <summary>The site configuration as bound at start, with the problems found while binding it.</summary>
public sealed class DetectionSettings
{
    public SiteDirectory Directory { get; private set; } = SiteDirectory.Defaults;

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public void Load(IConfiguration configuration, IReadOnlyList<RuleRegistration> rules)
    {
        var problems = new List<string>();
        Directory = SiteSettingsBinder.Build(configuration, rules, problems);
        Problems = problems;
    }
}

/// <summary>Stops the start when site configuration has problems, naming each key.</summary>
internal sealed class DetectionSettingsValidator : IValidateOptions<DetectionSettings>
{
    public ValidateOptionsResult Validate(string? name, DetectionSettings options) =>
        options.Problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(options.Problems);
}
