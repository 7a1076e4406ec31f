using ChargeWatch.Core.Detection;
using ChargeWatch.Core.Readings;

namespace ChargeWatch.Core.Rules.FlywireTap;

/// <summary>
/// The newest power of one pile's ports, held until its next reading: real power where every port
/// reports <c>w</c>, and always the apparent power (Σ amps × volts) for comparison with a feeder
/// that reports no power.
/// </summary>
internal sealed class PileBalance(DeviceTrack track)
{
    public DeviceTrack Track { get; } = track;

    public DateTimeOffset At { get; private set; }

    public bool HasReading { get; private set; }

    /// <summary>Σ w of the ports, NaN when some port reported current without power.</summary>
    public double Watts { get; private set; }

    /// <summary>Σ amps × volts of the ports (volts: the port's, else nominal).</summary>
    public double VoltAmps { get; private set; }

    /// <summary>Published <c>offline</c>: unknown until its next reading.</summary>
    public bool Offline { get; set; }

    public void Observe(ChargerReading reading, double nominalVolts)
    {
        var watts = 0.0;
        var voltAmps = 0.0;
        foreach (var port in reading.Ports)
        {
            voltAmps += port.Amps * (port.Volts ?? nominalVolts);
            if (port.Watts is { } w)
            {
                watts += w;
            }
            else if (port.Amps > 0)
            {
                watts = double.NaN;
            }
        }
        Watts = watts;
        VoltAmps = voltAmps;
        At = reading.Timestamp;
        HasReading = true;
        Offline = false;
    }

    /// <summary>Whether the held values can stand for the pile's ports at <paramref name="at"/>.</summary>
    public bool IsFreshAt(DateTimeOffset at, TimeSpan staleAfter)
    {
        if (!HasReading || Offline)
        {
            return false;
        }
        var limit = staleAfter > TimeSpan.Zero ? staleAfter : Track.GapLimit;
        return (at - At).Duration() <= limit;
    }
}
