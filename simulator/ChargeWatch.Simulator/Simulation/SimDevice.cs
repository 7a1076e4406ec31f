using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Readings;
using ChargeWatch.Simulator.Physics;
using ChargeWatch.Simulator.Physics.Circuits;

namespace ChargeWatch.Simulator.Simulation;

/// <summary>A publishing device in the simulation: when it reports next, and its reading then.</summary>
internal abstract class SimDevice(DeviceKey key)
{
    public DeviceKey Key { get; } = key;

    public string Topic { get; } = Topics.Telemetry(key);

    /// <summary>Seconds since the scenario start of the next reading; +∞ when the device has nothing more.</summary>
    public abstract double NextSeconds { get; }

    /// <summary>The reading due at <see cref="NextSeconds"/>; advances to the following one.</summary>
    public abstract Reading Emit(Func<double, DateTimeOffset> timestamp);
}

/// <summary>A device reporting on its own interval with a little jitter (piles, feeders, sensors).</summary>
internal sealed class PeriodicDevice : SimDevice
{
    private readonly double _interval;
    private readonly SimRandom _jitter;
    private readonly Func<double, long, DateTimeOffset, Reading> _read;
    private double _next;
    private long _seq;

    public PeriodicDevice(DeviceKey key, TimeSpan interval, SimRandom random, Func<double, long, DateTimeOffset, Reading> read)
        : base(key)
    {
        _interval = interval.TotalSeconds;
        _jitter = random.Fork("jitter");
        _read = read;
        _next = _jitter.Uniform(0, _interval);
    }

    public override double NextSeconds => _next;

    public override Reading Emit(Func<double, DateTimeOffset> timestamp)
    {
        var seconds = _next;
        var reading = _read(seconds, ++_seq, timestamp(seconds));
        _next += _interval * Math.Max(0.5, 1 + _jitter.Normal(0, 0.01));
        return reading;
    }
}

/// <summary>A household or corridor meter replaying its <see cref="CircuitNight"/>'s samples.</summary>
internal sealed class MeterDevice : SimDevice
{
    private readonly IEnumerator<MeterSample> _samples;
    private readonly MeterRole _role;
    private readonly string _building;
    private readonly string? _unit;
    private long _seq;
    private bool _has;

    public MeterDevice(DeviceKey key, CircuitNight night, MeterRole role, string building, string? unit)
        : base(key)
    {
        Night = night;
        _role = role;
        _building = building;
        _unit = unit;
        _samples = night.Samples().GetEnumerator();
        _has = _samples.MoveNext();
    }

    public CircuitNight Night { get; }

    public override double NextSeconds => _has ? Night.Clock.SecondsAt(_samples.Current.Timestamp) : double.PositiveInfinity;

    public override Reading Emit(Func<double, DateTimeOffset> timestamp)
    {
        var sample = _samples.Current;
        var time = timestamp(Night.Clock.SecondsAt(sample.Timestamp));
        var reading = (sample with { Timestamp = time }).ToReading(Key, ++_seq, _role, _building, _unit);
        _has = _samples.MoveNext();
        return reading;
    }
}
