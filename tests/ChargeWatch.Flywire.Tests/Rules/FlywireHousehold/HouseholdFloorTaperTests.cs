using ChargeWatch.Core.Rules.FlywireHousehold;

namespace ChargeWatch.Flywire.Tests.Rules.FlywireHousehold;

public sealed class HouseholdFloorTaperTests
{
    private const double Low = 30;
    private static readonly long Start = new DateTimeOffset(2026, 7, 8, 18, 0, 0, TimeSpan.Zero).UtcTicks;

    private static long Minute(int m) => Start + (m * TimeSpan.TicksPerMinute);

    /// <summary>
    /// Feeds a floor of <paramref name="plateau"/> W over the low for an hour (<paramref name="plateauAt"/>
    /// may vary it), then <paramref name="after"/> minute by minute; returns the first minute seen.
    /// </summary>
    private static int? FirstSeen(Func<int, double> after, double plateau = 200, Func<int, double>? plateauAt = null, FloorTaper? taper = null, bool unbroken = false)
    {
        taper ??= new FloorTaper(new HouseholdSignatureOptions());
        for (var m = 0; m < 60; m++)
        {
            var level = plateauAt?.Invoke(m) ?? plateau;
            taper.Add(Minute(m), Low + level);
            Assert.False(taper.Seen(Minute(m), Low));
        }
        for (var m = 60; m < 120; m++)
        {
            taper.Add(Minute(m), Low + after(m - 60));
            if (taper.Seen(Minute(m), Low, unbroken))
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

    /// <summary>
    /// Feeds a meter without pf minute by minute through a floor of 50 minutes and the step-free level,
    /// as the detector does; returns the first minute after <paramref name="taperAt"/> the taper is seen.
    /// </summary>
    private static int? FirstSeenOnMeter(Func<int, double> watts, int taperAt)
    {
        var taper = new FloorTaper(new HouseholdSignatureOptions());
        var floor = new ChargeWatch.Core.Rules.Flywire.RollingFloor(TimeSpan.FromMinutes(50));
        var stepFree = new StepFreeLevel();
        for (var m = 0; m < taperAt + 60; m++)
        {
            var w = watts(m);
            floor.Add(Minute(m), w, null);
            stepFree.Add(Minute(m), w, busy: false);
            taper.Add(Minute(m), floor.Watts, stepFree.Value);
            if (taper.Seen(Minute(m), Low))
            {
                return m - taperAt;
            }
        }
        return null;
    }

    [Fact]
    public void Seen_TaperUnderATelevisionSwitchedOnAsItBegins_SeenByTheStepFreeLevel()
    {
        // 200 W plateau for two hours, then a 30-minute decay; a 190 W television is switched on at
        // the taper's start and holds the floor at the plateau for the next 50 minutes.
        var seen = FirstSeenOnMeter(m => Low + (m < 120 ? 200 : 200 * Math.Exp(-(m - 120) / 30.0)) + (m >= 120 ? 190 : 0), 120);

        Assert.NotNull(seen);
        Assert.InRange(seen.Value, 8, 20);
    }

    [Fact]
    public void Seen_LightsAndLaptopOffOneByOneUnderATelevision_IsNotATaper()
    {
        // Bedtime: a television switched on at minute 112 holds the floor; a 15 W light, a 24 W laptop
        // and a 12 W light go off at minutes 120, 125 and 131, each below a switch. The step-free level
        // falls by 51 W over three quarters of its window, but in three drops, not many small ones.
        Assert.Null(FirstSeenOnMeter(m => Low + 200 + (m >= 112 ? 190 : 0) - (m >= 120 ? 15 : 0) - (m >= 125 ? 24 : 0) - (m >= 131 ? 12 : 0), 120));
    }

    [Fact]
    public void Seen_FastTaperAfterAnHourAndAQuarterOfCharging_SeenFromItsUnbrokenFall()
    {
        // 500 W with a 14-minute time constant, plugged in 75 minutes before its taper: the 50-minute
        // floor rose only 25 minutes before it, too short a plateau for the windowed tests, but the
        // floor falls at every reading.
        static double Plateau(int m) => m < 35 ? 0 : 500;
        static double Floor(int m) => 500 * Math.Exp(-m / 14.0);

        var seen = FirstSeen(Floor, plateauAt: Plateau, unbroken: true);

        Assert.NotNull(seen);
        Assert.InRange(seen.Value, 5, 6);
        Assert.True(FirstSeen(Floor, plateauAt: Plateau) is null or > 15);
    }

    [Fact]
    public void Seen_TaperCaughtUpAfterARefrigeratorRun_SeenWithinFifteenMinutes()
    {
        // A refrigerator ran for the taper's first 9 minutes: the floor drops to the tapering load at
        // once when it stops, then keeps falling reading by reading.
        var seen = FirstSeen(m => m < 9 ? 200 : 200 * Math.Exp(-m / 20.0), unbroken: true);

        Assert.NotNull(seen);
        Assert.InRange(seen.Value, 10, 15);
    }

    [Fact]
    public void Seen_TelevisionOffTenMinutesBeforeAnUnbrokenTaper_StillATaper()
    {
        // The floor was 160 W higher until the television went off ten minutes before the taper.
        var seen = FirstSeen(m => 200 * Math.Exp(-m / 20.0), plateauAt: m => m < 50 ? 360 : 200, unbroken: true);

        Assert.NotNull(seen);
        Assert.InRange(seen.Value, 5, 8);
    }

    [Fact]
    public void Seen_TelevisionThenLightOffInSplitSteps_IsNotAnUnbrokenFall()
    {
        // An averaging meter spreads each switch over two readings: a 60 W television and then a
        // 12 W light going off make four falling readings in a row, most of the fall in two of them.
        Assert.Null(FirstSeen(m => 200 - (m >= 0 ? 30 : 0) - (m >= 1 ? 30 : 0) - (m >= 2 ? 6 : 0) - (m >= 3 ? 6 : 0), unbroken: true));
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
