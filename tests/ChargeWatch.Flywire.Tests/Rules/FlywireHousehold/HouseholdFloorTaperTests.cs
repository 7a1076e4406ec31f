using ChargeWatch.Core.Rules.FlywireHousehold;

namespace ChargeWatch.Flywire.Tests.Rules.FlywireHousehold;

public sealed class HouseholdFloorTaperTests
{
    private const double Low = 30;
    private static readonly long Start = new DateTimeOffset(2026, 7, 8, 18, 0, 0, TimeSpan.Zero).UtcTicks;

    private static long Minute(int m) => Start + (m * TimeSpan.TicksPerMinute);

    // A charger's reactive power, 1.3 times its real power (pf 0.61).
    private const double VarsPerWatt = 1.3;

    /// <summary>
    /// Feeds a floor of <paramref name="plateau"/> W over the low for an hour (<paramref name="plateauAt"/>
    /// may vary it), then <paramref name="after"/> minute by minute; returns the first minute seen.
    /// </summary>
    private static int? FirstSeen(Func<int, double> after, double plateau = 200, Func<int, double>? plateauAt = null, FloorTaper? taper = null)
    {
        taper ??= new FloorTaper(new HouseholdSignatureOptions());
        for (var m = 0; m < 60; m++)
        {
            var level = plateauAt?.Invoke(m) ?? plateau;
            taper.Add(Minute(m), Low + level, VarsPerWatt * level);
            Assert.False(taper.Seen(Minute(m), Low));
        }
        for (var m = 60; m < 120; m++)
        {
            taper.Add(Minute(m), Low + after(m - 60), VarsPerWatt * after(m - 60));
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
    public void Seen_Taper_ReportsTheFallInRealAndReactivePower()
    {
        var taper = new FloorTaper(new HouseholdSignatureOptions());

        Assert.NotNull(FirstSeen(m => 200 * Math.Exp(-m / 40.0), taper: taper));

        Assert.InRange(taper.VarsFall / taper.WattsFall, 1.29, 1.31);
    }

    [Fact]
    public void Seen_LightsSwitchedOffEarlyInThePlateau_StillATaper()
    {
        // 40 W of lights went off half an hour before the taper: the plateau's settled part is flat.
        var seen = FirstSeen(m => 200 * Math.Exp(-m / 40.0), plateauAt: m => m < 30 ? 240 : 200);

        Assert.NotNull(seen);
        Assert.InRange(seen.Value, 3, 15);
    }

    [Fact]
    public void Seen_PlateauBelowTheFloorTapersMinimum_IsNotATaper()
    {
        // 60 W: lights, a laptop and a phone charger going off one by one at bedtime look like this.
        Assert.Null(FirstSeen(m => 60 * Math.Exp(-m / 40.0), plateau: 60));
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
            taper.Add(Minute(m), Low + level, VarsPerWatt * level);
            Assert.False(taper.Seen(Minute(m), Low));
        }
    }
}
