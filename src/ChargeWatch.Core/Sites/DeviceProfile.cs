using ChargeWatch.Core.Points;
using ChargeWatch.Core.Rules;

namespace ChargeWatch.Core.Sites;

/// <summary>
/// Everything configuration says about one device, fully layered (contract defaults, then global,
/// site and device settings): its tags, its rated currents and each registered rule's options,
/// indexed like the rule registrations. Devices configuration does not name share their site's
/// profile; unknown sites share the global one.
/// </summary>
public sealed class DeviceProfile
{
    internal DeviceProfile(DeviceTags tags, RatedCurrents rated, RuleOptions[] options)
    {
        Tags = tags;
        Rated = rated;
        Options = options;
    }

    public DeviceTags Tags { get; }

    public RatedCurrents Rated { get; }

    /// <summary>Options per registered rule, in registration order.</summary>
    public IReadOnlyList<RuleOptions> Options { get; }

    public T Get<T>() where T : RuleOptions
    {
        foreach (var options in Options)
        {
            if (options is T typed)
            {
                return typed;
            }
        }
        throw new InvalidOperationException($"No rule with options {typeof(T).Name} is registered.");
    }
}
