using ChargeWatch.Simulator.Physics;
using ChargeWatch.Simulator.Physics.Appliances;

namespace ChargeWatch.Simulator.Tests.Physics;

public class ApplianceTests
{
    private static readonly ModelClock Clock = new(new DateTimeOffset(2026, 7, 8, 17, 0, 0, TimeSpan.FromHours(8)));

    [Fact]
    public void Fridge_ManyNights_CyclesWithinContractRanges()
    {
        for (var seed = 0; seed < 200; seed++)
        {
            var fridge = Appliance.Fridge(new SimRandom(seed), 0, 16 * 3600);
            // Compressor runs are a one-minute start segment plus the run; defrosts are single segments at pf ≈ 1.
            var runs = new List<(double Start, double End)>();
            foreach (var s in fridge.Segments.Where(s => s.PowerFactor < 0.9))
            {
                if (runs.Count > 0 && Math.Abs(runs[^1].End - s.Start) < 1e-6)
                {
                    runs[^1] = (runs[^1].Start, s.End);
                }
                else
                {
                    runs.Add((s.Start, s.End));
                }
            }
            Assert.All(runs.Take(runs.Count - 1), r => Assert.InRange((r.End - r.Start) / 60, 10 - 1e-6, 30 + 1e-6));
            Assert.All(runs.Zip(runs.Skip(1)), p => Assert.True(p.Second.Start - p.First.End >= 20 * 60 - 1e-6, $"seed {seed}: off {(p.Second.Start - p.First.End) / 60:F1} min"));
            Assert.All(fridge.Segments, s => Assert.InRange(s.Watts, 60, 300));
        }
    }

    [Fact]
    public void Television_PowerFactor_IsAtLeastPointNine()
    {
        var tv = Appliance.Television(new SimRandom(1), Clock, 0, 16 * 3600);

        Assert.NotEmpty(tv.Segments);
        Assert.All(tv.Segments, s => Assert.InRange(s.PowerFactor, 0.9, 1.0));
    }

    [Fact]
    public void ClimateControl_IsAtLeastSevenHundredWattsAndCycles()
    {
        var ac = Appliance.ClimateControl(new SimRandom(3), Clock, 0, 16 * 3600, heater: false);

        Assert.True(ac.Segments.Count >= 2);
        Assert.All(ac.Segments, s => Assert.True(s.Watts >= 700));
        Assert.All(ac.Segments.Zip(ac.Segments.Skip(1)), p => Assert.True(p.Second.Start - p.First.End >= 5 * 60));
    }

    [Fact]
    public void At_BetweenSegments_IsZeroAndInsideIsTheSegmentPower()
    {
        var load = new ScheduledLoad("x", [new LoadSegment(100, 200, 500, 1.0), new LoadSegment(300, 400, 80, 0.6)], 1);

        Assert.Equal(0, load.At(99).Watts);
        Assert.Equal(500, load.At(150).Watts);
        Assert.Equal(0, load.At(250).Watts);
        Assert.Equal(0.6, load.At(350).PowerFactor, 6);
        Assert.Equal(0, load.At(400).Watts);
    }
}
