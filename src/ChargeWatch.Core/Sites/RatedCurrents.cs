using System.ComponentModel.DataAnnotations;

namespace ChargeWatch.Core.Sites;

/// <summary>
/// Rated currents of contract §4 ("rated" comes from site configuration), layered global → site →
/// device like rule options. Configuration section <c>Rated</c>.
/// </summary>
public sealed class RatedCurrents
{
    public const string SectionName = "Rated";

    /// <summary>Per socket: about 880 VA, the common per-socket limit.</summary>
    [Range(0.01, 1000)]
    public double PortAmps { get; set; } = 4.0;

    /// <summary>A charging pile's total over all its ports.</summary>
    [Range(0.01, 1000)]
    public double ChargerAmps { get; set; } = 16.0;

    /// <summary>A shed's main supply.</summary>
    [Range(0.01, 1000)]
    public double FeederAmps { get; set; } = 32.0;

    /// <summary>Per-port overrides of <see cref="PortAmps"/>, keyed by port number.</summary>
    public Dictionary<int, double> Ports { get; set; } = [];

    public double ForPort(int port) => Ports.Count > 0 && Ports.TryGetValue(port, out var amps) ? amps : PortAmps;
}
