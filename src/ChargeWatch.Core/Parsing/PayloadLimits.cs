namespace ChargeWatch.Core.Parsing;

/// <summary>Physical bounds of contract §2: values outside them are rejected as impossible.</summary>
internal static class PayloadLimits
{
    public const double MaxAbsVolts = 1000;
    public const double MaxAmps = 1000;
    public const double MinTempC = -50;
    public const double MaxTempC = 300;
    // |v| ≤ 1000 and a ≤ 1000 bound a single circuit's power.
    public const double MaxWatts = MaxAbsVolts * MaxAmps;
    public const double MaxWattHours = 1e12;
    public const double MaxLeakMilliamps = 10_000;
    public const int MaxPort = 64;
    public const long MaxSeq = long.MaxValue;
}
