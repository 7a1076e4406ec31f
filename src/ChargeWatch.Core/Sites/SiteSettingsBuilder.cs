using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Rules;

namespace ChargeWatch.Core.Sites;

/// <summary>Collects the global, per-site and per-device layers and builds the <see cref="SiteDirectory"/>.</summary>
public sealed class SiteSettingsBuilder(IReadOnlyList<RuleRegistration> rules)
{
    private readonly Dictionary<string, SettingsLayer> _sites = new(StringComparer.Ordinal);
    private readonly Dictionary<DeviceKey, SettingsLayer> _devices = [];

    public SiteSettingsBuilder() : this(RuleCatalog.All)
    {
    }

    public SettingsLayer Global { get; } = new();

    public SettingsLayer Site(string site)
    {
        if (!_sites.TryGetValue(site, out var layer))
        {
            _sites[site] = layer = new SettingsLayer();
        }
        return layer;
    }

    public SettingsLayer Device(DeviceKey device)
    {
        Site(device.Site);
        if (!_devices.TryGetValue(device, out var layer))
        {
            _devices[device] = layer = new SettingsLayer();
        }
        return layer;
    }

    public SiteDirectory Build()
    {
        var global = Profile(Global);
        var sites = _sites.ToDictionary(s => s.Key, s => Profile(Global, s.Value), StringComparer.Ordinal);
        var devices = _devices.ToDictionary(d => d.Key, d => Profile(Global, _sites[d.Key.Site], d.Value));
        return new SiteDirectory(rules, global, sites, devices);
    }

    private DeviceProfile Profile(params SettingsLayer[] layers)
    {
        var rated = new RatedCurrents();
        var options = new RuleOptions[rules.Count];
        for (var i = 0; i < rules.Count; i++)
        {
            options[i] = rules[i].CreateOptions();
        }
        foreach (var layer in layers)
        {
            layer.ApplyTo(rated);
            foreach (var o in options)
            {
                layer.ApplyTo(o);
            }
        }
        return new DeviceProfile(layers[^1].Tags, rated, options);
    }
}
