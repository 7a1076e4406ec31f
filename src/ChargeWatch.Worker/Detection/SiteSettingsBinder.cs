using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Readings;
using ChargeWatch.Core.Rules;
using ChargeWatch.Core.Sites;

namespace ChargeWatch.Worker.Detection;

/// <summary>
/// Builds the <see cref="SiteDirectory"/> from configuration and lists every problem with the key
/// it concerns. Layout (all optional, contract defaults otherwise):
/// <code>
/// ChargeWatch:Rules:{Rule}:{Option}                       global rule options, e.g. Rules:ThermalHigh:WarningC
/// ChargeWatch:Rules:Rated:{PortAmps|ChargerAmps|FeederAmps}
/// ChargeWatch:Sites:{site}:Rules:{Rule}:{Option}          per site
/// ChargeWatch:Sites:{site}:Rated:…
/// ChargeWatch:Sites:{site}:{Chargers|Feeders|Meters|Sensors}:{device}:Shed|Role|Building|Unit
/// ChargeWatch:Sites:{site}:{Chargers|…}:{device}:Rated:…  (Rated:Ports:{n} per port)
/// ChargeWatch:Sites:{site}:{Chargers|…}:{device}:Rules:{Rule}:{Option}
/// </code>
/// Other keys of a site (cut-off, teams) belong to other features and are left alone.
/// </summary>
public static class SiteSettingsBinder
{
    public const string RulesSection = "ChargeWatch:Rules";
    public const string SitesSection = "ChargeWatch:Sites";

    private static readonly (string Section, DeviceKind Kind)[] DeviceSections =
    [
        ("Chargers", DeviceKind.Charger), ("Feeders", DeviceKind.Feeder), ("Meters", DeviceKind.Meter), ("Sensors", DeviceKind.Sensor),
    ];

    private static readonly HashSet<string> DeviceKeys = new(["Shed", "Role", "Building", "Unit", RatedCurrents.SectionName, "Rules"], StringComparer.OrdinalIgnoreCase);

    public static SiteDirectory Build(IConfiguration configuration, IReadOnlyList<RuleRegistration> rules, List<string> problems)
    {
        var builder = new SiteSettingsBuilder(rules);
        BindRules(configuration.GetSection(RulesSection), builder.Global, rules, problems, allowRated: true);
        foreach (var site in configuration.GetSection(SitesSection).GetChildren())
        {
            if (!TopicParser.IsSiteName(site.Key))
            {
                problems.Add($"{site.Path}: '{site.Key}' is not a site name ([a-z0-9_-]{{1,64}})");
                continue;
            }
            var layer = builder.Site(site.Key);
            BindRules(site.GetSection("Rules"), layer, rules, problems, allowRated: false);
            BindRated(site.GetSection(RatedCurrents.SectionName), layer, problems);
            foreach (var (name, kind) in DeviceSections)
            {
                foreach (var device in site.GetSection(name).GetChildren())
                {
                    BindDevice(device, builder.Device(new DeviceKey(site.Key, kind, device.Key)), kind, rules, problems);
                }
            }
        }
        var directory = builder.Build();
        Validate(directory, problems);
        return directory;
    }

    private static void BindDevice(IConfigurationSection device, SettingsLayer layer, DeviceKind kind,
        IReadOnlyList<RuleRegistration> rules, List<string> problems)
    {
        if (!TopicParser.IsDeviceId(device.Key))
        {
            problems.Add($"{device.Path}: '{device.Key}' is not a device id ([A-Za-z0-9_.-]{{1,64}})");
        }
        foreach (var child in device.GetChildren().Where(c => !DeviceKeys.Contains(c.Key)))
        {
            problems.Add($"{child.Path}: unknown key (expected one of {string.Join(", ", DeviceKeys)})");
        }
        layer.Shed = device["Shed"];
        layer.Building = device["Building"];
        layer.Unit = device["Unit"];
        if (device["Role"] is { } role)
        {
            if (kind != DeviceKind.Meter)
            {
                problems.Add($"{device.Path}:Role: only meters have a role");
            }
            else if (role.Equals("household", StringComparison.OrdinalIgnoreCase))
            {
                layer.Role = MeterRole.Household;
            }
            else if (role.Equals("corridor", StringComparison.OrdinalIgnoreCase))
            {
                layer.Role = MeterRole.Corridor;
            }
            else
            {
                problems.Add($"{device.Path}:Role must be household or corridor (was '{role}')");
            }
        }
        BindRated(device.GetSection(RatedCurrents.SectionName), layer, problems);
        BindRules(device.GetSection("Rules"), layer, rules, problems, allowRated: false);
    }

    private static void BindRules(IConfigurationSection section, SettingsLayer layer, IReadOnlyList<RuleRegistration> rules,
        List<string> problems, bool allowRated)
    {
        foreach (var child in section.GetChildren())
        {
            if (allowRated && child.Key.Equals(RatedCurrents.SectionName, StringComparison.OrdinalIgnoreCase))
            {
                BindRated(child, layer, problems);
                continue;
            }
            var rule = rules.FirstOrDefault(r => r.Name.Equals(child.Key, StringComparison.OrdinalIgnoreCase));
            if (rule is null)
            {
                problems.Add($"{child.Path}: unknown rule (known: {string.Join(", ", rules.Select(r => r.Name))})");
                continue;
            }
            layer.Configure(rule.OptionsType, options => Bind(child, options, problems));
        }
    }

    private static void BindRated(IConfigurationSection section, SettingsLayer layer, List<string> problems)
    {
        if (section.Exists())
        {
            layer.Configure<RatedCurrents>(rated => Bind(section, rated, problems));
        }
    }

    // Binding is replayed for every profile that includes the layer; report each key's problem once.
    private static void Bind(IConfigurationSection section, object options, List<string> problems)
    {
        try
        {
            section.Bind(options, binder => binder.ErrorOnUnknownConfiguration = true);
        }
        catch (InvalidOperationException e)
        {
            var problem = $"{section.Path}: {e.Message}";
            if (!problems.Contains(problem))
            {
                problems.Add(problem);
            }
        }
    }

    private static void Validate(SiteDirectory directory, List<string> problems)
    {
        Check(RulesSection, directory.Global, directory.Rules, problems);
        foreach (var (site, profile) in directory.Sites)
        {
            Check($"{SitesSection}:{site}:Rules", profile, directory.Rules, problems);
        }
        foreach (var (device, profile) in directory.Devices)
        {
            Check($"{SitesSection}:{device.Site}:{Plural(device.Kind)}:{device.Device}:Rules", profile, directory.Rules, problems);
        }
    }

    // rulesPath is where the layer's rule sections live; its rated currents sit beside them
    // (ChargeWatch:Rules:Rated globally, …:Rated for sites and devices).
    private static void Check(string rulesPath, DeviceProfile profile, IReadOnlyList<RuleRegistration> rules, List<string> problems)
    {
        var ratedPath = rulesPath == RulesSection ? $"{RulesSection}:{RatedCurrents.SectionName}" : rulesPath[..^":Rules".Length] + ":" + RatedCurrents.SectionName;
        var path = rulesPath;
        foreach (var problem in OptionsValidation.Problems(profile.Rated))
        {
            Add(problems, $"{ratedPath}: {problem}");
        }
        foreach (var (port, amps) in profile.Rated.Ports)
        {
            if (port is < 1 or > 64 || amps <= 0 || !double.IsFinite(amps))
            {
                Add(problems, $"{ratedPath}:Ports:{port} must be a port 1..64 with a positive current (was {amps})");
            }
        }
        for (var i = 0; i < rules.Count; i++)
        {
            foreach (var problem in profile.Options[i].Problems())
            {
                Add(problems, $"{path}:{rules[i].Name}: {problem}");
            }
        }
    }

    private static void Add(List<string> problems, string problem)
    {
        if (!problems.Contains(problem))
        {
            problems.Add(problem);
        }
    }

    private static string Plural(DeviceKind kind) => DeviceSections.First(s => s.Kind == kind).Section;
}
