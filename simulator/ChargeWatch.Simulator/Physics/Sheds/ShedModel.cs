namespace ChargeWatch.Simulator.Physics.Sheds;

/// <summary>What a shed's devices share: the clock, the air temperature and the supply voltage.</summary>
public sealed class ShedModel(string id, ModelClock clock, AmbientTemperature ambient, SimRandom random)
{
    private readonly double _nominal = random.Uniform(221, 232);
    private readonly ulong _seed = random.NextUInt64();

    public string Id { get; } = id;

    public ModelClock Clock { get; } = clock;

    public AmbientTemperature Ambient { get; } = ambient;

    public List<PileModel> Piles { get; } = [];

    public double VoltsAt(double seconds)
    {
        var hour = Clock.LocalHourAt(seconds);
        var sag = 4 * Math.Exp(-Math.Pow((hour - 20.5) / 1.8, 2));
        return _nominal - sag + (1.0 * SimRandom.HashNormal(_seed, (long)Math.Floor(seconds / 300)));
    }

    /// <summary>Sum of every port of the shed at an instant.</summary>
    public LoadPower PortsPowerAt(double seconds)
    {
        var sum = LoadPower.Zero;
        foreach (var pile in Piles)
        {
            sum += pile.PowerAt(seconds);
        }
        return sum;
    }

    /// <summary>Heat released into the shed's air by charging, for its temperature sensors.</summary>
    public double ChargingHeatC(double seconds) => 0.0003 * PortsPowerAt(seconds).Watts;
}
