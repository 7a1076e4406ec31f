using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Points;
using ChargeWatch.Core.Rules;

namespace ChargeWatch.Core.Sites;

/// <summary>
/// Site configuration as the engine and the storage mapper use it: resolves a device to its
/// <see cref="DeviceProfile"/> (device settings, else its site's, else the global defaults, so
/// unknown devices work with defaults). Immutable after build: safe to share between shards.
/// </summary>
public sealed class SiteDirectory : IDeviceDirectory
{
    private readonly DeviceProfile _global;
    private readonly Dictionary<string, DeviceProfile> _sites;
    private readonly Dictionary<DeviceKey, DeviceProfile> _devices;

    internal SiteDirectory(IReadOnlyList<RuleRegistration> rules, DeviceProfile global,
        Dictionary<string, DeviceProfile> sites, Dictionary<DeviceKey, DeviceProfile> devices)
    {
        Rules = rules;
        _global = global;
        _sites = sites;
        _devices = devices;
    }

    /// <summary>Every rule with contract defaults, no sites, no devices.</summary>
    public static SiteDirectory Defaults { get; } = new SiteSettingsBuilder().Build();

    /// <summary>The registrations the profiles' options are indexed by.</summary>
    public IReadOnlyList<RuleRegistration> Rules { get; }

    public DeviceProfile Global => _global;

    public IEnumerable<(string Site, DeviceProfile Profile)> Sites => _sites.Select(s => (s.Key, s.Value));

    public IEnumerable<(DeviceKey Device, DeviceProfile Profile)> Devices => _devices.Select(d => (d.Key, d.Value));

    public DeviceProfile Resolve(DeviceKey device) =>
        _devices.TryGetValue(device, out var profile) ? profile
        : _sites.TryGetValue(device.Site, out profile) ? profile
        : _global;

    public DeviceTags Find(DeviceKey device) => _devices.TryGetValue(device, out var profile) ? profile.Tags : DeviceTags.None;
}
