namespace ChargeWatch.Core.Numbers;

/// <summary>10⁰ … 10¹⁹, every power of ten a <see cref="ulong"/> holds: the scales of the exact decimal parsing and formatting.</summary>
internal static class PowersOfTen
{
    public static readonly ulong[] UInt64 = Create();

    private static ulong[] Create()
    {
        var powers = new ulong[20];
        powers[0] = 1;
        for (var i = 1; i < powers.Length; i++)
        {
            powers[i] = powers[i - 1] * 10;
        }
        return powers;
    }
}
