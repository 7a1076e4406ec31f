namespace ChargeWatch.Worker.Cutoff;

/// <summary>
/// Per-site switches under <c>ChargeWatch:Sites:{site}:Cutoff</c>: <c>Enabled</c> (default false:
/// ChargeWatch never switches power unless a site asks for it) and <c>AutoRestore</c> (default
/// false: a cut port stays off until someone restores it).
/// </summary>
public sealed class CutoffSettings
{
    public const string SitesSection = "ChargeWatch:Sites";

    private readonly Dictionary<string, SiteCutoff> _sites;

    public CutoffSettings(IReadOnlyDictionary<string, SiteCutoff> sites)
    {
        _sites = new(sites, StringComparer.Ordinal);
    }

    public IEnumerable<string> EnabledSites => _sites.Where(s => s.Value.Enabled).Select(s => s.Key).Order(StringComparer.Ordinal);

    public bool IsEnabled(string site) => _sites.TryGetValue(site, out var cutoff) && cutoff.Enabled;

    public bool AutoRestore(string site) => _sites.TryGetValue(site, out var cutoff) && cutoff.Enabled && cutoff.AutoRestore;

    public static CutoffSettings From(IConfiguration configuration)
    {
        var sites = new Dictionary<string, SiteCutoff>(StringComparer.Ordinal);
        foreach (var site in configuration.GetSection(SitesSection).GetChildren())
        {
            var section = site.GetSection("Cutoff");
            if (section.Exists())
            {
                sites[site.Key] = new SiteCutoff(section.GetValue("Enabled", false), section.GetValue("AutoRestore", false));
            }
        }
        return new CutoffSettings(sites);
    }
}

public readonly record struct SiteCutoff(bool Enabled, bool AutoRestore = false);
