using ChargeWatch.Core.Alerts;
using ChargeWatch.Core.Contract;
using ChargeWatch.Core.Detection;
using ChargeWatch.Core.Readings;
using ChargeWatch.Core.Rules.FlywireHousehold;
using ChargeWatch.Core.Sites;
using ChargeWatch.Simulator.Physics.Circuits;

namespace ChargeWatch.Flywire.Tests.Rules.FlywireHousehold;

/// <summary>
/// Meters that report the displacement power factor (cos φ), under which a charger reads like a
/// resistive load: told apart by their readings, and judged on w / (v·a) instead.
/// </summary>
public sealed class DisplacementPowerFactorTests
{
    // A held-out night with a charge at 18:12 on a 60-s averaging meter that reports pf, v and a.
    private const long ChargeNight = 500_020;

    [Fact]
    public void Check_MeterReportingCosPhi_IsToldApart()
    {
        Assert.True(Verdict(Night(ChargeNight, displacement: true)));
    }

    [Fact]
    public void Check_MeterReportingTruePowerFactor_IsNot()
    {
        Assert.False(Verdict(Night(ChargeNight, displacement: false)));
    }

    [Fact]
    public void Check_VoltsAndAmpsOfAnotherCircuit_KeepTheReportedPf()
    {
        // Amps from a busier circuit put w / (v·a) below the reported pf, from a quieter one above it:
        // a meter that disagrees both ways is not reporting cos φ.
        var check = new DisplacementPowerFactorCheck();
        for (var i = 0; i < 200; i++)
        {
            check.Observe(400, 0.8, i % 2 == 0 ? 1000 : 420);
        }
        Assert.False(check.IsDisplacement);
    }

    [Fact]
    public void Check_AmpsAtAWrongScale_KeepTheReportedPf()
    {
        // Every reading above w / (v·a), as under cos φ, but at a power factor no household draws.
        var check = new DisplacementPowerFactorCheck();
        for (var i = 0; i < 200; i++)
        {
            var (watts, pf) = i % 20 == 0 ? (2030.0, 1.0) : (300.0, 0.8);
            check.Observe(watts, pf, 3 * watts / pf);
        }
        Assert.False(check.IsDisplacement);
    }

    [Fact]
    public void Check_OnceToldApart_StaysSo()
    {
        var check = new DisplacementPowerFactorCheck();
        for (var i = 0; i < 30; i++)
        {
            check.Observe(300, 0.97, 500);
        }
        Assert.True(check.IsDisplacement);
        // A heater's evening: cos φ and w / (v·a) agree, and a reading even falls below.
        for (var i = 0; i < 500; i++)
        {
            check.Observe(2000, 0.99, 2010);
        }
        check.Observe(400, 0.5, 500);
        Assert.True(check.IsDisplacement);
    }

    [Fact]
    public void Check_ReadingsWithoutBothPowerFactors_AreNotCounted()
    {
        var check = new DisplacementPowerFactorCheck();
        for (var i = 0; i < 100; i++)
        {
            check.Observe(300, 0.97, null);
            check.Observe(300, null, 500);
        }
        Assert.False(check.IsDisplacement);
    }

    [Theory]
    [InlineData(ReportedPowerFactorKind.Auto)]
    [InlineData(ReportedPowerFactorKind.Displacement)]
    public void Detector_ChargeOnMeterReportingCosPhi_IsFound(ReportedPowerFactorKind kind)
    {
        var night = Night(ChargeNight, displacement: true);
        var fired = FirstAlert(night, new HouseholdSignatureOptions { ReportedPowerFactor = kind });
        Assert.NotNull(fired);
        Assert.InRange(fired.Value - night.Charges[0].Start, TimeSpan.Zero, TimeSpan.FromMinutes(45));
    }

    [Fact]
    public void Detector_ChargeOnMeterReportingCosPhi_IsMissedWhenItsPfIsTakenAsTrue()
    {
        // What ReportedPowerFactor guards against: the charger's cos φ near 1 looks resistive.
        var night = Night(ChargeNight, displacement: true);
        Assert.Null(FirstAlert(night, new HouseholdSignatureOptions { ReportedPowerFactor = ReportedPowerFactorKind.True }));
        Assert.NotNull(FirstAlert(Night(ChargeNight, displacement: false), new HouseholdSignatureOptions { ReportedPowerFactor = ReportedPowerFactorKind.True }));
    }

    [Fact]
    public void Rule_ChargeOnMeterReportingCosPhi_AlertSaysWhichPfItMeans()
    {
        var firing = FirstFiring(Night(ChargeNight, displacement: true));

        Assert.Equal("flywire.household", firing.Rule);
        Assert.EndsWith("; pf from w / (v·a), the meter reports cos φ", firing.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("cos φ", FirstFiring(Night(ChargeNight, displacement: false)).Summary, StringComparison.Ordinal);
    }

    /// <summary>The night through the real engine, as the worker runs it.</summary>
    private static AlertMessage FirstFiring(CircuitNight night)
    {
        var meter = new DeviceKey("dongyuan-1", DeviceKind.Meter, "b6-602");
        var engine = new DetectionEngine(SiteDirectory.Defaults);
        var changes = new List<AlertMessage>();
        long seq = 0;
        foreach (var sample in night.Samples())
        {
            engine.OnReading(sample.ToReading(meter, ++seq, MeterRole.Household), changes);
        }
        return changes.First(c => c.Status == AlertStatus.Firing);
    }

    private static CircuitNight Night(long seed, bool displacement)
    {
        var options = ChargeWatch.FlywireEvaluation.HouseholdEvaluation.OptionsFor(seed);
        return HouseholdModel.Create(seed, options with { Meter = options.Meter with { ReportsDisplacementPowerFactor = displacement } });
    }

    private static bool Verdict(CircuitNight night)
    {
        var check = new DisplacementPowerFactorCheck();
        foreach (var sample in night.Samples())
        {
            check.Observe(sample.Watts, sample.PowerFactor, sample.Volts * sample.Amps);
        }
        return check.IsDisplacement;
    }

    private static DateTimeOffset? FirstAlert(CircuitNight night, HouseholdSignatureOptions options)
    {
        var detector = new HouseholdSignatureDetector(options);
        foreach (var sample in night.Samples())
        {
            if (detector.Observe(sample.Timestamp, sample.Watts, sample.PowerFactor, sample.Volts * sample.Amps) == HouseholdChange.Fired)
            {
                return sample.Timestamp;
            }
        }
        return null;
    }
}
