using ChargeWatch.Core.Points;
using ChargeWatch.Core.Readings;

namespace ChargeWatch.Core.Sites;

/// <summary>
/// One layer of settings (global, a site, or a device): changes applied over the layer below, in
/// the order given. The worker fills layers by binding configuration sections; tests use lambdas.
/// </summary>
public sealed class SettingsLayer
{
    private readonly List<(Type Type, Action<object> Apply)> _changes = [];

    /// <summary>Configured shed of the device (device layers only).</summary>
    public string? Shed { get; set; }

    /// <summary>Configured meter role (device layers only).</summary>
    public MeterRole? Role { get; set; }

    public string? Building { get; set; }

    public string? Unit { get; set; }

    internal DeviceTags Tags => new(Shed, Role, Building, Unit);

    /// <summary>Changes options of type <typeparamref name="T"/> (a rule's options or <see cref="RatedCurrents"/>).</summary>
    public SettingsLayer Configure<T>(Action<T> change) where T : class
    {
        _changes.Add((typeof(T), o => change((T)o)));
        return this;
    }

    /// <summary>Untyped <see cref="Configure{T}"/>, for configuration binding over the registered types.</summary>
    public SettingsLayer Configure(Type type, Action<object> change)
    {
        _changes.Add((type, change));
        return this;
    }

    internal void ApplyTo(object options)
    {
        var type = options.GetType();
        foreach (var (target, apply) in _changes)
        {
            if (target == type)
            {
                apply(options);
            }
        }
    }
}
