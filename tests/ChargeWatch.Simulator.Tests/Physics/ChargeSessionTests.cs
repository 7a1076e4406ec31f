using ChargeWatch.Simulator.Physics;
using ChargeWatch.Simulator.Physics.Chargers;

namespace ChargeWatch.Simulator.Tests.Physics;

public class ChargeSessionTests
{
    [Theory]
    [InlineData(BatteryChemistry.LeadAcid)]
    [InlineData(BatteryChemistry.Lithium)]
    public void WattsAt_WholeCharge_HasStepPlateauTaperAndStop(BatteryChemistry chemistry)
    {
        var profile = ChargerProfile.Sample(new SimRandom(7), new ChargerProfileOptions
        {
            Chemistry = chemistry,
            PlateauWatts = 220,
            PlateauDuration = TimeSpan.FromHours(3),
            TaperDuration = TimeSpan.FromHours(1.5),
        });
        var session = new ChargeSession(profile, startSeconds: 600);

        // Step: nothing before, the full plateau power right after plug-in.
        Assert.Equal(0, session.WattsAt(599));
        Assert.InRange(session.WattsAt(601), 219, 222);
        // Plateau: rises slowly (pack voltage), never falls, stays within the profile's rise.
        var previous = 0.0;
        for (var t = 600.0; t < session.TaperStartSeconds; t += 300)
        {
            var watts = session.WattsAt(t);
            Assert.True(watts >= previous, $"plateau fell at {t}");
            Assert.InRange(watts, 220, 220 * 1.17);
            previous = watts;
        }
        Assert.Equal(ChargePhase.Plateau, session.PhaseAt(session.TaperStartSeconds - 1));
        // Taper: strictly falling, halves well before its end, reaches the float/standby level.
        var taperStart = session.WattsAt(session.TaperStartSeconds);
        var midTaper = session.WattsAt(session.TaperStartSeconds + 2700);
        Assert.True(midTaper < taperStart * 0.5, $"taper too slow: {taperStart} → {midTaper}");
        Assert.Equal(ChargePhase.Done, session.PhaseAt(session.ChargeEndSeconds + 1));
        Assert.Equal(profile.FloatWatts, session.WattsAt(session.ChargeEndSeconds + 3600));
        // Stop: a pile's auto-stop (< 15 W for 60 s) happens within the taper or right at its end.
        var stop = Assert.NotNull(session.AutoStopSeconds);
        Assert.InRange(stop, session.TaperStartSeconds, session.ChargeEndSeconds + 61);
        Assert.True(session.WattsAt(stop - 59) < ChargeSession.AutoStopWatts);
    }

    [Fact]
    public void AutoStopSeconds_FloatAboveFifteenWatts_IsNull()
    {
        var profile = ChargerProfile.Sample(new SimRandom(1), new ChargerProfileOptions { FloatWatts = 35 });

        Assert.Null(new ChargeSession(profile, 0).AutoStopSeconds);
    }

    [Fact]
    public void PowerFactorAt_Taper_FallsWithLoad()
    {
        var profile = ChargerProfile.Sample(new SimRandom(3), new ChargerProfileOptions { PowerFactor = 0.65 });
        var session = new ChargeSession(profile, 0);

        var plateau = session.PowerFactorAt(60);
        var lateTaper = session.PowerFactorAt(session.ChargeEndSeconds - 60);

        Assert.InRange(plateau, 0.6, 0.66);
        Assert.True(lateTaper < plateau);
    }

    [Fact]
    public void Sample_ManyChargers_StayInTheDocumentedRanges()
    {
        var random = new SimRandom(42);
        var typical = 0;
        for (var i = 0; i < 2000; i++)
        {
            var p = ChargerProfile.Sample(random.Fork(i));
            Assert.InRange(p.PlateauWatts, 60, 600);
            Assert.InRange(p.PowerFactor, 0.45, 0.75);
            Assert.InRange(p.TaperDuration.TotalHours, 0.5, 3);
            Assert.InRange(p.PlateauDuration.TotalHours, 1, 6);
            Assert.Contains(p.PackVolts, new[] { 48, 60, 72 });
            if (p.PlateauWatts is >= 110 and <= 310)
            {
                typical++;
            }
        }
        Assert.InRange(typical, 1400, 2000);
    }
}
