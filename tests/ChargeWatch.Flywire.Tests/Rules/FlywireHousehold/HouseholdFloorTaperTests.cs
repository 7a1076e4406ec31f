using ChargeWatch.Core.Rules.FlywireHousehold;

namespace ChargeWatch.Flywire.Tests.Rules.FlywireHousehold;

public sealed class HouseholdFloorTaperTests
{
    private const double Low = 30;
    private static readonly long Start = new DateTimeOffset(2026, 7, 8, 18, 0, 0, TimeSpan.Zero).UtcTicks;

    private static long Minute(int m) => Start + (m * TimeSpan.TicksPerMinute);

    /// <summary>Feeds a floor of 200 W over the low for an hour, then <paramref name="after"/> minute by minute; returns the first minute seen.</summary>
    private static int? FirstSeen(Func<int, double> after)
    {
        var taper = new FloorTaper(new HouseholdSignatureOptions());
        for (var m = 0; m < 60; m++)
        {
            taper.Add(Minute(m), Low + 200);
            Assert.False(taper.Seen(Minute(m), Low));
        }
        for (var m = 60; m < 120; m++)
        {
            taper.Add(Minute(m), Low + after(m - 60));
            if (taper.Seen(Minute(m), Low))
            {
                return m - 60;
            }
        }
        return null;
    }

    [Fact]
    public void Seen_ExponentialDecayAfterAFlatPlateau_WithinFifteenMinutes()
    {
        // A 40-minute time constant: a slow constant-voltage phase.
        var seen = FirstSeen(m => 200 * Math.Exp(-m / 40.0));

        Assert.NotNull(seen);
        Assert.InRange(seen.Value, 3, 15);
    }

    [Fact]
    public void Seen_OneSwitchOffThenFlat_IsNotATaper()
    {
        Assert.Null(FirstSeen(m => m < 5 ? 200 : 120));
    }

    [Fact]
    public void Seen_LoadGoneAtOnce_IsNotATaper()
    {
        Assert.Null(FirstSeen(_ => 5));
    }

    [Fact]
    public void Seen_PlateauTooLargeForACharger_IsNotATaper()
    {
        var taper = new FloorTaper(new HouseholdSignatureOptions());
        for (var m = 0; m < 120; m++)
        {
            var level = m < 60 ? 1200 : 1200 * Math.Exp(-(m - 60) / 40.0);
            taper.Add(Minute(m), Low + level);
            Assert.False(taper.Seen(Minute(m), Low));
        }
    }
}
