using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Readings;

namespace ChargeWatch.Simulator.Physics.Sheds;

/// <summary>A shed's combined temperature and smoke sensor.</summary>
public sealed class SensorModel
{
    private readonly SimRandom _noise;
    private readonly FirstOrderLag _air;
    private readonly List<(double Start, double End)> _smoke = [];
    private readonly List<(double Start, double End, double RatePerMinute)> _fire = [];

    public SensorModel(DeviceKey device, ShedModel shed, SimRandom random)
    {
        Device = device;
        Shed = shed;
        _noise = random.Fork("noise");
        _air = new FirstOrderLag(shed.Ambient.At(shed.Clock, 0), tauSeconds: 900);
    }

    public DeviceKey Device { get; }

    public ShedModel Shed { get; }

    public void AddSmoke(double start, double end) => _smoke.Add((start, end));

    /// <summary>A fire near the sensor: the air warms at a rate (thermal.rise, thermal.high on the sensor).</summary>
    public void AddHeat(double start, double end, double ratePerMinute) => _fire.Add((start, end, ratePerMinute));

    public SensorReading Read(double seconds, long seq, DateTimeOffset timestamp)
    {
        var temp = _air.Step(seconds, Shed.Ambient.At(Shed.Clock, seconds) + Shed.ChargingHeatC(seconds)) + _noise.Normal(0, 0.05);
        foreach (var (start, end, rate) in _fire)
        {
            if (seconds >= start)
            {
                temp += rate * (Math.Min(seconds, end) - start) / 60;
            }
        }
        var smoke = _smoke.Exists(s => seconds >= s.Start && seconds < s.End);
        return new SensorReading(Device, timestamp, seq, Shed.Id, Math.Round(Math.Min(temp, 299), 1), smoke);
    }
}
