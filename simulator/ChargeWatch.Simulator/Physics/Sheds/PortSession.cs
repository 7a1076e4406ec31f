using ChargeWatch.Simulator.Physics.Chargers;

namespace ChargeWatch.Simulator.Physics.Sheds;

/// <summary>
/// A bike plugged into a port from <see cref="PlugSeconds"/> to <see cref="UnplugSeconds"/>;
/// <see cref="Strip"/> is a second charger on a power strip in the same socket (an incident).
/// </summary>
public sealed record PortSession(double PlugSeconds, double UnplugSeconds, ChargeSession Charge)
{
    public ChargeSession? Strip { get; init; }

    /// <summary>When the pile's auto-stop (&lt; 15 W for 60 s) ends the session; null if it never does.</summary>
    public double? AutoStopSeconds
    {
        get
        {
            var main = Charge.AutoStopSeconds;
            if (Strip is null)
            {
                return main;
            }
            var strip = Strip.AutoStopSeconds;
            return main is { } a && strip is { } b ? Math.Max(a, b) : null;
        }
    }

    public bool Contains(double seconds) => seconds >= PlugSeconds && seconds < UnplugSeconds;
}
