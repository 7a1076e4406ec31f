using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Readings;

namespace ChargeWatch.Simulator.Physics.Sheds;

/// <summary>
/// A shed's main supply meter: the sum of its ports, 20–40 W of controls (lights, the piles'
/// electronics), any illegal tap, and the residual (leakage) current of the installation.
/// </summary>
public sealed class FeederModel
{
    private readonly SimRandom _noise;
    private readonly double _controlWatts;
    private readonly double _baseLeakMa;
    private readonly List<(double Start, double End, double Watts)> _taps = [];
    private readonly List<(double Start, double End, double Milliamps)> _leaks = [];
    private double _wattHours;
    private double _lastSeconds = double.NaN;

    public FeederModel(DeviceKey device, ShedModel shed, SimRandom random)
    {
        Device = device;
        Shed = shed;
        _noise = random.Fork("noise");
        var setup = random.Fork("setup");
        _controlWatts = setup.Uniform(20, 40);
        _baseLeakMa = setup.Uniform(0.5, 4);
        _wattHours = Math.Round(setup.Uniform(1e6, 2e7));
    }

    public DeviceKey Device { get; }

    public ShedModel Shed { get; }

    /// <summary>A cable hung off the feeder to charge bikes outside the piles (flywire.tap).</summary>
    public void AddTap(double start, double end, double watts) => _taps.Add((start, end, watts));

    /// <summary>Residual current ramping up to <paramref name="milliamps"/> over the first minute, held until end.</summary>
    public void AddLeak(double start, double end, double milliamps) => _leaks.Add((start, end, milliamps));

    public FeederReading Read(double seconds, long seq, DateTimeOffset timestamp)
    {
        var ports = Shed.PortsPowerAt(seconds);
        var watts = ports.Watts + _controlWatts;
        var voltAmps = ports.VoltAmps + _controlWatts;
        foreach (var (start, end, tap) in _taps)
        {
            if (seconds >= start && seconds < end)
            {
                var tapPower = LoadPower.FromPowerFactor(tap, 0.6);
                watts += tapPower.Watts;
                voltAmps += tapPower.VoltAmps;
            }
        }
        var volts = Shed.VoltsAt(seconds) + _noise.Normal(0, 0.2);
        var leak = _baseLeakMa + (0.05 * ports.Watts / 100) + _noise.Normal(0, 0.2);
        foreach (var (start, end, ma) in _leaks)
        {
            if (seconds >= start && seconds < end)
            {
                leak += ma * Math.Min(1, (seconds - start) / 60);
            }
        }
        if (!double.IsNaN(_lastSeconds) && seconds > _lastSeconds)
        {
            _wattHours += watts * (seconds - _lastSeconds) / 3600;
        }
        _lastSeconds = seconds;
        watts *= 1 + _noise.Normal(0, 0.002);
        return new FeederReading(Device, timestamp, seq, Shed.Id,
            Math.Round(voltAmps / volts, 2), Math.Round(volts, 1), Math.Round(watts, 1), Math.Round(_wattHours, 1), Math.Round(Math.Max(0, leak), 1));
    }
}
