namespace ChargeWatch.Simulator.Physics;

/// <summary>
/// A small, seedable random stream (xoshiro256** seeded through SplitMix64). Written out here rather
/// than using <see cref="System.Random"/> so that a seed gives the same numbers on every runtime
/// version, and so that <see cref="Fork(string)"/> can give each device its own stream: adding one
/// appliance to a scenario must not change what every other device does.
/// </summary>
public sealed class SimRandom
{
    private ulong _s0, _s1, _s2, _s3;
    private readonly ulong _seed;

    public SimRandom(ulong seed)
    {
        _seed = seed;
        var x = seed;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    public SimRandom(long seed)
        : this(unchecked((ulong)seed))
    {
    }

    /// <summary>An independent stream named by <paramref name="label"/>; the same label always gives the same stream.</summary>
    public SimRandom Fork(string label) => new(Mix(_seed, StableHash(label)));

    public SimRandom Fork(long index) => new(Mix(_seed, unchecked((ulong)index * 0x9E3779B97F4A7C15UL + 0x632BE59BD9B4E019UL)));

    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public double Uniform(double min, double max) => min + ((max - min) * NextDouble());

    /// <summary>Uniform integer in [min, max].</summary>
    public int Between(int min, int max) => min + (int)(NextUInt64() % (ulong)(max - min + 1));

    public bool Chance(double probability) => NextDouble() < probability;

    public double Normal(double mean, double stdDev)
    {
        // Box–Muller; 1 - u keeps the logarithm finite.
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return mean + (stdDev * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2));
    }

    public double TruncatedNormal(double mean, double stdDev, double min, double max) =>
        Math.Clamp(Normal(mean, stdDev), min, max);

    public T Pick<T>(IReadOnlyList<T> items) => items[Between(0, items.Count - 1)];

    /// <summary>Stable across processes and runtimes, unlike <see cref="string.GetHashCode()"/>.</summary>
    public static ulong StableHash(string text)
    {
        // FNV-1a 64.
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }
        return hash;
    }

    /// <summary>A stateless uniform value in [0, 1) for (seed, index): noise that is a pure function of time.</summary>
    public static double Hash01(ulong seed, long index)
    {
        var x = Mix(seed, unchecked((ulong)index));
        return (SplitMix(ref x) >> 11) * (1.0 / (1UL << 53));
    }

    /// <summary>A stateless standard normal value for (seed, index).</summary>
    public static double HashNormal(ulong seed, long index)
    {
        var u1 = 1.0 - Hash01(seed, index * 2);
        var u2 = Hash01(seed, (index * 2) + 1);
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    private static ulong Mix(ulong a, ulong b)
    {
        var x = a ^ (b + 0x9E3779B97F4A7C15UL + (a << 6) + (a >> 2));
        return SplitMix(ref x);
    }

    private static ulong SplitMix(ref ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        var z = x;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
