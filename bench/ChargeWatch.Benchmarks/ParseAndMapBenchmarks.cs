using System.Buffers;
using BenchmarkDotNet.Attributes;
using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Parsing;
using ChargeWatch.Core.Points;

namespace ChargeWatch.Benchmarks;

/// <summary>
/// The per-message hot path of the worker: topic lookup, payload parsing and validation, and
/// mapping to line protocol (11 points per 10-port charger message).
/// Target: ≥ 300,000 messages/s on one core, no allocation beyond the reading and its points.
/// </summary>
[MemoryDiagnoser]
public class ParseAndMapBenchmarks
{
    private const string Topic = "chargewatch/dongyuan-1/charger/shed-a-c01/telemetry";
    private readonly TopicParser _topics = new();
    private readonly TelemetryParser _parser = new();
    private readonly ReadingPointMapper _mapper = new();
    private readonly LineProtocolBuffer _lines = new(1 << 20);
    private ReadOnlySequence<byte> _payload;

    [GlobalSetup]
    public void Setup() => _payload = new ReadOnlySequence<byte>(ChargerPayloads.TenPorts(1234));

    [Benchmark]
    public int Parse()
    {
        return _topics.TryParse(Topic, out var address) && _parser.TryParse(address, _payload, out var reading, out _)
            ? reading.Device.Device.Length
            : -1;
    }

    [Benchmark]
    public int ParseAndMap()
    {
        if (!_topics.TryParse(Topic, out var address) || !_parser.TryParse(address, _payload, out var reading, out _))
        {
            return -1;
        }
        if (_lines.Length > 1 << 19)
        {
            _lines.Clear();
        }
        return _mapper.Append(reading, _lines);
    }
}
