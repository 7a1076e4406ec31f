using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Readings;

namespace ChargeWatch.Simulator.Physics.Sheds;

/// <summary>A charging pile: 10–20 ports behind one supply, with a cabinet temperature.</summary>
public sealed class PileModel
{
    private readonly FirstOrderLag _cabinet;
    private readonly SimRandom _noise;

    public PileModel(DeviceKey device, string shed, IReadOnlyList<PortModel> ports, ShedModel shedModel, SimRandom random)
    {
        Device = device;
        Shed = shed;
        Ports = ports;
        ShedModel = shedModel;
        _noise = random.Fork("noise");
        _cabinet = new FirstOrderLag(shedModel.Ambient.At(shedModel.Clock, 0) + 2, tauSeconds: 1800);
    }

    public DeviceKey Device { get; }

    public string Shed { get; }

    public IReadOnlyList<PortModel> Ports { get; }

    public ShedModel ShedModel { get; }

    public PortModel? Port(int port) => Ports.FirstOrDefault(p => p.Port == port);

    /// <summary>Total power of the pile's ports at an instant (what its feeder sees).</summary>
    public LoadPower PowerAt(double seconds)
    {
        var sum = LoadPower.Zero;
        foreach (var port in Ports)
        {
            sum += port.At(seconds).Power;
        }
        return sum;
    }

    public ChargerReading Read(double seconds, long seq, DateTimeOffset timestamp)
    {
        var ambient = ShedModel.Ambient.At(ShedModel.Clock, seconds);
        var volts = ShedModel.VoltsAt(seconds) + _noise.Normal(0, 0.2);
        var ports = new PortReading[Ports.Count];
        var amps = 0.0;
        for (var i = 0; i < ports.Length; i++)
        {
            ports[i] = Ports[i].Read(seconds, volts, ambient, _noise);
            amps += ports[i].Amps;
        }
        // Cabinet: electronics and contactors warm it by a fraction of a degree per ampere.
        var cabinet = _cabinet.Step(seconds, ambient + 2 + (0.15 * amps));
        return new ChargerReading(Device, timestamp, seq, Shed, Math.Round(cabinet, 1), ports);
    }
}
