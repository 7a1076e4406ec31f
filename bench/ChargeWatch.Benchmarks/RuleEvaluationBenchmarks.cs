using BenchmarkDotNet.Attributes;
using ChargeWatch.Core.Alerts;
using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Detection;
using ChargeWatch.Core.Readings;
using ChargeWatch.Core.Sites;

namespace ChargeWatch.Benchmarks;

/// <summary>
/// Detection cost per port reading: 200 ten-port chargers reporting every 10 s for 200 rounds,
/// charging at 1.1–3.9 A with port and cabinet temperatures, fed to one shard's engine with a
/// watermark per round, as the worker does. <c>AllRules</c> runs every registered rule;
/// <c>NoRules</c> is the engine's own bookkeeping (duplicates, gaps, intervals) alone.
/// Target (issue 3): ≤ 1 µs per port reading with all rules on.
/// </summary>
[MemoryDiagnoser]
public class RuleEvaluationBenchmarks
{
    private const int Chargers = 200;
    private const int Rounds = 200;
    private const int PortsPerCharger = 10;
    private const int PortReadings = Chargers * Rounds * PortsPerCharger;

    private static readonly DateTimeOffset T0 = new(2026, 7, 8, 21, 0, 0, TimeSpan.FromHours(8));
    private readonly List<AlertMessage> _changes = [];
    private ChargerReading[] _readings = [];
    private SiteDirectory _noRules = null!;
    private DetectionEngine _engine = null!;

    [Params(true, false)]
    public bool AllRules { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _noRules = new SiteSettingsBuilder([]).Build();
        var random = new Random(42);
        _readings = new ChargerReading[Chargers * Rounds];
        for (var round = 0; round < Rounds; round++)
        {
            for (var c = 0; c < Chargers; c++)
            {
                var ports = new PortReading[PortsPerCharger];
                for (var p = 0; p < PortsPerCharger; p++)
                {
                    var amps = 1.1 + random.NextDouble() * 2.8;
                    ports[p] = new PortReading(p + 1, amps, PortState.Charging, 220, amps * 220, 100 + round, 30 + random.NextDouble() * 5);
                }
                var device = new DeviceKey("bench-site", DeviceKind.Charger, $"shed-{c / 10}-c{c % 10:00}");
                _readings[round * Chargers + c] = new ChargerReading(device, T0.AddSeconds(round * 10 + c * 0.01), round, $"shed-{c / 10}", 35, ports);
            }
        }
    }

    [IterationSetup]
    public void NewEngine() => _engine = new DetectionEngine(AllRules ? SiteDirectory.Defaults : _noRules);

    [Benchmark(OperationsPerInvoke = PortReadings)]
    public int EvaluatePortReadings()
    {
        for (var round = 0; round < Rounds; round++)
        {
            for (var c = 0; c < Chargers; c++)
            {
                _engine.OnReading(_readings[round * Chargers + c], _changes);
            }
            _engine.OnWatermark("bench-site", _readings[round * Chargers + Chargers - 1].Timestamp, _changes);
        }
        var raised = _changes.Count;
        _changes.Clear();
        return raised;
    }
}
