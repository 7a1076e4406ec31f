namespace ChargeWatch.Worker.Alerting;

/// <summary>
/// Decides which team is responsible for a rule. A pattern is a rule id or a prefix ending in
/// <c>*</c>; within one layer the exact id wins over the longest prefix. Layers are searched
/// site first, then the global map, then the built-in defaults, so a site can hand any rule to
/// another team without repeating the rest.
/// </summary>
public sealed class TeamMap
{
    public const string Unassigned = "unassigned";

    public static IReadOnlyDictionary<string, string> Defaults { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["overcurrent*"] = "shed-operator",
        ["leakage"] = "shed-operator",
        ["overcharge"] = "shed-operator",
        ["flywire.*"] = "property",
        ["smoke"] = "fire-safety",
        ["thermal.*"] = "fire-safety",
        ["offline"] = "maintenance",
    };

    private readonly IReadOnlyDictionary<string, string> _global;
    private readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> _sites;

    public TeamMap(
        IReadOnlyDictionary<string, string>? global = null,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? sites = null)
    {
        _global = global ?? new Dictionary<string, string>();
        _sites = sites ?? new Dictionary<string, IReadOnlyDictionary<string, string>>();
    }

    /// <summary>The global map from <see cref="AlertmanagerOptions.Teams"/>, site maps from <c>ChargeWatch:Sites:{site}:Teams</c>.</summary>
    public static TeamMap From(IConfiguration configuration, AlertmanagerOptions options)
    {
        var sites = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var site in configuration.GetSection("ChargeWatch:Sites").GetChildren())
        {
            var teams = site.GetSection("Teams").GetChildren()
                .Where(entry => !string.IsNullOrWhiteSpace(entry.Value))
                .ToDictionary(entry => entry.Key, entry => entry.Value!, StringComparer.Ordinal);
            if (teams.Count > 0)
            {
                sites[site.Key] = teams;
            }
        }
        return new TeamMap(options.Teams, sites);
    }

    public string TeamFor(string site, string rule)
    {
        if (_sites.TryGetValue(site, out var siteMap) && TryMatch(siteMap, rule, out var team))
        {
            return team;
        }
        if (TryMatch(_global, rule, out team) || TryMatch(Defaults, rule, out team))
        {
            return team;
        }
        return Unassigned;
    }

    private static bool TryMatch(IReadOnlyDictionary<string, string> map, string rule, out string team)
    {
        if (map.TryGetValue(rule, out team!))
        {
            return true;
        }
        var bestLength = -1;
        foreach (var (pattern, candidate) in map)
        {
            if (pattern.EndsWith('*')
                && pattern.Length - 1 > bestLength
                && rule.StartsWith(pattern.AsSpan(0, pattern.Length - 1), StringComparison.Ordinal))
            {
                bestLength = pattern.Length - 1;
                team = candidate;
            }
        }
        return bestLength >= 0;
    }
}
