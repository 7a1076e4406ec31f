using BenchmarkDotNet.Attributes;
using ChargeWatch.Core.Rules.FlywireHousehold;

namespace ChargeWatch.Benchmarks;

/// <summary>
/// flywire.household's cost: <c>Observe</c> per meter reading over a 16-hour night of 30-s readings
/// with pf (a refrigerator cycling, a television, a 180 W charger at pf 0.6 from 21:00), and one
/// question to the candidate model. Target (issue 5): ≤ 2 µs of CPU per meter reading.
/// </summary>
[MemoryDiagnoser]
public class HouseholdDetectorBenchmarks
{
    private const int Readings = 16 * 120;
    private static readonly DateTimeOffset Evening = new(2026, 7, 8, 17, 0, 0, TimeSpan.FromHours(8));
    private readonly (double Watts, double PowerFactor)[] _night = new (double, double)[Readings];
    private readonly double[] _candidate = new double[CandidateFeatures.Count];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        for (var i = 0; i < Readings; i++)
        {
            var minute = i / 2.0;
            var (watts, vars) = (30.0, 30.0);
            if (minute % 50 < 20)
            {
                (watts, vars) = (watts + 120, vars + 100);
            }
            if (minute is >= 120 and < 300)
            {
                (watts, vars) = (watts + 110, vars + 35);
            }
            if (minute >= 240)
            {
                (watts, vars) = (watts + 180, vars + 240);
            }
            watts *= 1 + ((random.NextDouble() - 0.5) * 0.01);
            _night[i] = (watts, Math.Round(watts / Math.Sqrt((watts * watts) + (vars * vars)), 2));
        }
        for (var f = 0; f < _candidate.Length; f++)
        {
            _candidate[f] = random.NextDouble() * 100;
        }
    }

    [Benchmark(OperationsPerInvoke = Readings)]
    public int ObserveANight()
    {
        var detector = new HouseholdSignatureDetector(new HouseholdSignatureOptions());
        var fired = 0;
        for (var i = 0; i < Readings; i++)
        {
            var (watts, pf) = _night[i];
            fired += detector.Observe(Evening.AddSeconds(i * 30), watts, pf) == HouseholdChange.Fired ? 1 : 0;
        }
        return fired;
    }

    [Benchmark]
    public double AskTheCandidateModel() => CandidateModel.Probability(_candidate);
}
