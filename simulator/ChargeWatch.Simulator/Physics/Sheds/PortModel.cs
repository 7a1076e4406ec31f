using ChargeWatch.Core.Readings;

namespace ChargeWatch.Simulator.Physics.Sheds;

/// <summary>
/// One socket of a pile: the night's plug-in sessions, incident overlays and the closed-loop
/// switch (cut/restore). Electrical values are pure functions of time; energy and temperature are
/// integrated at the reporting instants, so readings must be asked for in time order.
/// </summary>
public sealed class PortModel
{
    // Socket contact heating: ΔT ≈ k·I² at steady state (about 8 °C at the rated 4 A).
    private const double HeatingPerAmpSquared = 0.5;
    private const double MaxInrushAmps = 12;
    private const double InrushVisibleSeconds = 300;

    private readonly List<PortSession> _sessions = [];
    private readonly List<PortOverlay> _overlays = [];
    private readonly FirstOrderLag _temperature;
    private double _lastSeconds = double.NaN;
    private PortSession? _inrushShownFor;
    private readonly HashSet<PortOverlay> _shortsShown = [];

    public PortModel(int port, double wattHours, double initialTempC)
    {
        Port = port;
        WattHours = wattHours;
        _temperature = new FirstOrderLag(initialTempC, tauSeconds: 1200);
    }

    public int Port { get; }

    public double WattHours { get; private set; }

    /// <summary>Switched off by a cut command until a restore.</summary>
    public bool SwitchedOff { get; set; }

    public IReadOnlyList<PortSession> Sessions => _sessions;

    public void AddSession(PortSession session)
    {
        _sessions.RemoveAll(s => s.PlugSeconds < session.UnplugSeconds && session.PlugSeconds < s.UnplugSeconds);
        _sessions.Add(session);
        _sessions.Sort((a, b) => a.PlugSeconds.CompareTo(b.PlugSeconds));
    }

    public void AddOverlay(PortOverlay overlay) => _overlays.Add(overlay);

    public PortSession? SessionAt(double seconds) => _sessions.Find(s => s.Contains(seconds));

    /// <summary>State, real power and power factor at an instant, without the reading's side effects.</summary>
    public (PortState State, LoadPower Power) At(double seconds)
    {
        if (SwitchedOff)
        {
            return (PortState.Off, LoadPower.Zero);
        }
        foreach (var o in _overlays)
        {
            if (o.Kind == PortOverlayKind.ShortCircuit && seconds >= o.Start && seconds < o.End)
            {
                return (PortState.Fault, LoadPower.Zero);
            }
        }
        var session = SessionAt(seconds);
        if (session is null)
        {
            return (PortState.Idle, LoadPower.Zero);
        }
        if (session.AutoStopSeconds is { } stop && seconds >= stop)
        {
            return (PortState.Full, LoadPower.Zero);
        }
        var power = session.Charge.At(seconds);
        if (session.Strip is { } strip)
        {
            power += strip.At(seconds);
        }
        return (PortState.Charging, power);
    }

    /// <summary>The port's reading at <paramref name="seconds"/> (time order), with its supply voltage and ambient.</summary>
    public PortReading Read(double seconds, double volts, double ambientC, SimRandom noise)
    {
        var (state, power) = At(seconds);
        var amps = power.AmpsAt(volts);
        var watts = power.Watts;
        var forced = false;
        // Heating follows the steady current: neither the millisecond inrush nor a short carries heat.
        var heatingAmps = amps;
        foreach (var o in _overlays)
        {
            if (seconds < o.Start || seconds >= o.End || SwitchedOff)
            {
                continue;
            }
            if (o.Kind == PortOverlayKind.Overcurrent)
            {
                state = PortState.Charging;
                forced = true;
                amps = o.Value;
                heatingAmps = amps;
                watts = volts * amps * 0.9;
            }
            else if (o.Kind == PortOverlayKind.ShortCircuit && _shortsShown.Add(o))
            {
                // The reading that catches the fault current; the breaker has tripped by the next one.
                state = PortState.Fault;
                forced = true;
                amps = o.Value;
                // The breaker clears it within milliseconds: no time to heat the socket.
                heatingAmps = 0;
                watts = volts * amps * 0.3;
            }
        }
        var session = SessionAt(seconds);
        if (state == PortState.Charging && !forced && session is not null && !ReferenceEquals(_inrushShownFor, session))
        {
            // The first reading after plug-in catches the input capacitors charging (not for a bike
            // that was already charging before the first reading).
            _inrushShownFor = session;
            if (seconds - session.PlugSeconds < InrushVisibleSeconds)
            {
                amps = Math.Min(MaxInrushAmps, amps * session.Charge.Profile.InrushFactor);
            }
        }
        if (!double.IsNaN(_lastSeconds) && seconds > _lastSeconds)
        {
            WattHours += watts * (seconds - _lastSeconds) / 3600;
        }
        _lastSeconds = seconds;
        var temp = _temperature.Step(seconds, ambientC + (HeatingPerAmpSquared * heatingAmps * heatingAmps));
        foreach (var o in _overlays)
        {
            if (o.Kind == PortOverlayKind.ThermalRunaway && seconds >= o.Start)
            {
                temp += o.Value * (Math.Min(seconds, o.End) - o.Start) / 60;
            }
        }
        if (state != PortState.Charging && !forced)
        {
            amps = 0;
            watts = 0;
        }
        else
        {
            amps *= 1 + noise.Normal(0, 0.002);
            watts *= 1 + noise.Normal(0, 0.002);
        }
        return new PortReading(Port, Math.Round(Math.Max(0, amps), 2), state,
            Math.Round(volts, 1), Math.Round(Math.Max(0, watts), 1), Math.Round(WattHours, 1), Math.Round(temp, 1));
    }
}
