using ChargeWatch.Simulator.Physics.Circuits;

namespace ChargeWatch.Simulator.Tests.Physics;

public class HouseholdModelTests
{
    [Fact]
    public void Create_SameSeed_GivesIdenticalSamplesAndTruth()
    {
        var a = HouseholdModel.Create(12345, new HouseholdOptions { EbikeCharge = true });
        var b = HouseholdModel.Create(12345, new HouseholdOptions { EbikeCharge = true });

        Assert.Equal(a.Samples().ToList(), b.Samples().ToList());
        Assert.Equal(a.Charges[0].Start, b.Charges[0].Start);
        // Enumerating twice gives the same readings too.
        Assert.Equal(a.Samples().ToList(), a.Samples().ToList());
    }

    [Fact]
    public void Create_DifferentSeeds_GiveDifferentNights()
    {
        var a = HouseholdModel.Create(1).Samples().Select(s => s.Watts).ToList();
        var b = HouseholdModel.Create(2).Samples().Select(s => s.Watts).ToList();

        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Create_AnotherDayOfTheHousehold_RunsTheSameAppliancesAtOtherTimes()
    {
        var options = new HouseholdOptions { ClimateProbability = 1, RiceCookerProbability = 1, TelevisionProbability = 1 };
        var night = HouseholdModel.Create(7, options);
        var dayBefore = HouseholdModel.Create(7, options with { DaySeed = 1_000_000_007 });

        // Which appliances, their sizes and power factors: the household's.
        Assert.Equal(night.Loads.Select(l => l.Name), dayBefore.Loads.Select(l => l.Name));
        foreach (var name in new[] { "fridge", "tv", "rice-cooker", "air-conditioner", "standby" })
        {
            var own = Appliance(night, name);
            var other = Appliance(dayBefore, name);
            Assert.Equal(own.Segments.Select(s => (s.Watts, s.PowerFactor)).Distinct().First(), other.Segments.Select(s => (s.Watts, s.PowerFactor)).Distinct().First());
        }
        // When they run: the day's.
        Assert.NotEqual(Appliance(night, "tv").Segments[0].Start, Appliance(dayBefore, "tv").Segments[0].Start);
        Assert.NotEqual(night.Samples().Select(s => s.Watts), dayBefore.Samples().Select(s => s.Watts));
    }

    [Fact]
    public void Create_DaytimeUse_PlaysTheHouseholdsAppliancesFromNineAndLeavesTheEveningAsItWas()
    {
        var options = new HouseholdOptions
        {
            Duration = TimeSpan.FromDays(1), DaySeed = 1_000_000_007,
            ClimateProbability = 1, TelevisionProbability = 1, RiceCookerProbability = 1, WashingMachineProbability = 1,
        };
        var emptyDay = HouseholdModel.Create(7, options);
        var busyDay = HouseholdModel.Create(7, options with { DaytimeUse = true });
        var nine = options.Start.AddHours(16);

        Assert.Equal(
            emptyDay.Samples().TakeWhile(s => s.Timestamp < nine).Select(s => s.Watts),
            busyDay.Samples().TakeWhile(s => s.Timestamp < nine).Select(s => s.Watts));
        var emptyDayEnergy = emptyDay.Samples().SkipWhile(s => s.Timestamp < nine).Sum(s => s.Watts);
        var busyDayEnergy = busyDay.Samples().SkipWhile(s => s.Timestamp < nine).Sum(s => s.Watts);
        Assert.True(busyDayEnergy > 1.5 * emptyDayEnergy, $"{busyDayEnergy:0} against {emptyDayEnergy:0}");
        // The day's appliances are the evening's: the same laptop, at its own size.
        var laptopWatts = Appliance(emptyDay, "electronics").Segments[0].Watts;
        var dayLaptop = busyDay.Loads.Where(l => l.Name == "electronics").Skip(1).Single();
        Assert.Contains(Enumerable.Range(0, 24 * 60).Select(m => dayLaptop.At(m * 60.0).Watts), w => w > 0 && Math.Abs(w - laptopWatts) < 0.2 * laptopWatts);
        Assert.All(Enumerable.Range(0, 16 * 60).Select(m => dayLaptop.At(m * 60.0).Watts), w => Assert.Equal(0, w));
    }

    private static ChargeWatch.Simulator.Physics.Appliances.ScheduledLoad Appliance(CircuitNight night, string name) =>
        night.Loads.OfType<ChargeWatch.Simulator.Physics.Appliances.ScheduledLoad>().Single(l => l.Name == name);

    [Fact]
    public void Create_WithCharge_AddsThePlateauPowerToTheMeter()
    {
        var options = new HouseholdOptions { EbikeCharge = true, ChargeStart = TimeSpan.FromHours(21) };
        var night = HouseholdModel.Create(99, options);
        var charge = Assert.Single(night.Charges);
        var without = HouseholdModel.Create(99, options with { EbikeCharge = false });

        var during = charge.Start.AddMinutes(30);
        var added = night.TruePowerAt(during).Watts - without.TruePowerAt(during).Watts;

        Assert.InRange(added, charge.Charger.PlateauWatts * 0.99, charge.Charger.PlateauEndWatts * 1.01);
        Assert.Equal(new DateTimeOffset(2026, 7, 8, 21, 0, 0, TimeSpan.FromHours(8)), charge.Start);
        Assert.True(charge.TaperStart > charge.Start && charge.End >= charge.TaperStart && charge.Unplugged >= charge.End);
    }

    [Fact]
    public void Samples_MeterWithoutPowerFactor_OmitsIt()
    {
        var night = HouseholdModel.Create(5, new HouseholdOptions { Meter = new MeterOptions { ReportsPowerFactor = false } });

        Assert.All(night.Samples(), s => Assert.Null(s.PowerFactor));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(300)]
    public void Samples_Interval_IsKeptWithJitter(int seconds)
    {
        var options = new HouseholdOptions { Duration = TimeSpan.FromHours(2), Meter = new MeterOptions { Interval = TimeSpan.FromSeconds(seconds), DropoutProbability = 0 } };

        var samples = HouseholdModel.Create(8, options).Samples().ToList();

        var gaps = samples.Zip(samples.Skip(1), (x, y) => (y.Timestamp - x.Timestamp).TotalSeconds).ToList();
        Assert.InRange(gaps.Average(), seconds * 0.98, seconds * 1.02);
        Assert.Contains(gaps, g => Math.Abs(g - seconds) > 1e-3);
        Assert.All(samples, s => Assert.Equal(TimeSpan.FromHours(8), s.Timestamp.Offset));
    }

    [Fact]
    public void Create_ManyNights_ChargeShareAndEveningStartsAsDocumented()
    {
        var nights = Enumerable.Range(0, 300).Select(i => HouseholdModel.Create(i)).ToList();

        var charged = nights.Count(n => n.HasCharge);
        Assert.InRange(charged, 70, 130);
        Assert.All(nights.SelectMany(n => n.Charges), c =>
        {
            Assert.InRange(c.Start.Hour is >= 18 or <= 2 ? 1 : 0, 1, 1);
            Assert.InRange((c.Unplugged - c.Start).TotalHours, 2, 15);
            Assert.InRange(c.Charger.ChargeDuration.TotalHours, 2, 10);
        });
    }

    [Fact]
    public void Create_Corridor_IsLightingOnlyUnlessACharger()
    {
        var plain = CorridorModel.Create(3);
        var charging = CorridorModel.Create(3, new CorridorOptions { EbikeCharge = true, ChargeStart = TimeSpan.FromHours(20) });

        Assert.All(plain.Samples(), s => Assert.InRange(s.Watts, 0, 40));
        Assert.False(plain.HasCharge);
        Assert.True(charging.Samples().Max(s => s.Watts) > 60);
    }
}
