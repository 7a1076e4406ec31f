using BenchmarkDotNet.Attributes;
using ChargeWatch.Core.Rules.FlywireHousehold;

namespace ChargeWatch.Benchmarks;

/// <summary>
/// flywire.household's cost: <c>Observe</c> per meter reading over a 16-hour night of 30-s readings
/// with pf (a refrigerator cycling, a television, a 180 W charger at pf 0.6 from 21:00), and a
/// question to the candidate model: the questions the detector asks on that night, in turn, so that
/// each takes its own paths through the trees. Target (issue 5): ≤ 2 µs of CPU per meter reading.
/// </summary>
[MemoryDiagnoser]
public class HouseholdDetectorBenchmarks
{
    private const int Readings = 16 * 120;
    private const int Asks = 256;
    private static readonly DateTimeOffset Evening = new(2026, 7, 8, 17, 0, 0, TimeSpan.FromHours(8));
    private readonly (double Watts, double PowerFactor)[] _night = new (double, double)[Readings];
    private readonly double[] _voltAmps = new double[Readings];
    private double[][] _questions = [];

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
            _voltAmps[i] = Math.Sqrt((watts * watts) + (vars * vars));
            _night[i] = (watts, Math.Round(watts / _voltAmps[i], 2));
        }
        var questions = new List<double[]>();
        var asking = new HouseholdSignatureDetector(new HouseholdSignatureOptions { CandidateProbabilityMin = 1 })
        {
            CandidateSeen = (_, features, _) => questions.Add([.. features]),
        };
        for (var i = 0; i < Readings; i++)
        {
            asking.Observe(Evening.AddSeconds(i * 30), _night[i].Watts, _night[i].PowerFactor);
        }
        _questions = [.. questions];
        Console.WriteLine($"// {_questions.Length} questions to the candidate model");
    }

    [Benchmark(OperationsPerInvoke = Readings)]
    public int ObserveANight() => ObserveTheNight(withVoltAmps: false);

    /// <summary>The same night from a meter that reports volts and amps too, as most do: judged on w / (v·a).</summary>
    [Benchmark(OperationsPerInvoke = Readings)]
    public int ObserveANightWithVoltsAndAmps() => ObserveTheNight(withVoltAmps: true);

    private int ObserveTheNight(bool withVoltAmps)
    {
        var detector = new HouseholdSignatureDetector(new HouseholdSignatureOptions());
        var fired = 0;
        for (var i = 0; i < Readings; i++)
        {
            var (watts, pf) = _night[i];
            fired += detector.Observe(Evening.AddSeconds(i * 30), watts, pf, withVoltAmps ? _voltAmps[i] : null) == HouseholdChange.Fired ? 1 : 0;
        }
        return fired;
    }

    [Benchmark(OperationsPerInvoke = Asks)]
    public double AskTheCandidateModel()
    {
        var sum = 0.0;
        for (var i = 0; i < Asks; i++)
        {
            sum += CandidateModel.Probability(_questions[i % _questions.Length]);
        }
        return sum;
    }
}
