using ChargeWatch.Core.Alerts;
using ChargeWatch.Core.Rules.FlywireStrip;
using ChargeWatch.Simulator.Physics;
using ChargeWatch.Simulator.Physics.Chargers;
using ChargeWatch.Simulator.Physics.Sheds;

namespace ChargeWatch.FlywireEvaluation;

/// <summary>
/// flywire.strip on simulated shed nights: every port's ordinary sessions (inrush reading at plug-in,
/// plateau creep, CC→CV taper, float or standby, pile auto-stop to full, bikes swapped with an idle
/// between) are negatives. Every other night one port gets a second charger on a strip 5 min–3 h after
/// its bike was plugged in, 60–300 W; a quarter of those are two big chargers (over 600 W together).
/// A third of the nights report ports without <c>w</c> (power is v×a, so the inrush shows in it).
/// A detection counts when the strip port fires after the join; delay from the join.
/// </summary>
public static class StripEvaluation
{
    /// <summary>Detections later than this after the join count as late (60 s hold + a few readings).</summary>
    public static readonly TimeSpan LateAfter = TimeSpan.FromMinutes(5);

    public static RuleScore Run(long firstSeed, int nights, Action<string>? log = null)
    {
        var score = new RuleScore(FlywireStripRule.Id);
        for (var seed = firstSeed; seed < firstSeed + nights; seed++)
        {
            var random = new SimRandom(seed).Fork("strip-case");
            var shed = new TapStripShed(seed) { PortsWithoutWatts = random.Chance(1.0 / 3) };
            var piles = random.Between(1, 2);
            var occupancy = random.Uniform(0.3, 0.95);
            for (var i = 0; i < piles; i++)
            {
                shed.AddPile(random.Between(10, 20), occupancy, random.Pick([10.0, 30.0, 30.0, 60.0]), random.Fork(i));
            }
            (string Pile, int Port, double Join, double Watts)? strip = null;
            if (seed % 2 == 0)
            {
                strip = AddStrip(shed, random);
            }
            var (alerts, readings, micros) = shed.Run();
            score.Cases++;
            score.Readings += readings;
            score.CpuMicroseconds += micros;
            if (strip is null)
            {
                score.NegativeCases++;
            }
            var hit = -1;
            var fires = alerts.Where(a => a.Rule == FlywireStripRule.Id && a.Status == AlertStatus.Firing).ToList();
            for (var i = 0; i < fires.Count; i++)
            {
                var f = fires[i];
                if (strip is { } s && f.DeviceId == s.Pile && f.Port == s.Port && f.StartsAt >= shed.At(s.Join))
                {
                    score.TruePositiveAlerts++;
                    hit = hit < 0 ? i : hit;
                }
                else
                {
                    score.FalseAlerts++;
                    log?.Invoke($"FALSE strip seed {seed}: {f.DeviceId} port {f.Port} at {f.StartsAt:HH:mm:ss}: {f.Summary} (no w: {shed.PortsWithoutWatts})");
                }
            }
            if (strip is not { } truth)
            {
                continue;
            }
            score.Positives++;
            if (hit < 0)
            {
                log?.Invoke($"MISS strip seed {seed}: {truth.Pile} port {truth.Port} +{truth.Watts:0} W at {shed.At(truth.Join):HH:mm} (no w: {shed.PortsWithoutWatts})");
                continue;
            }
            score.Detected++;
            var delay = fires[hit].StartsAt - shed.At(truth.Join);
            score.AddDelay(delay.TotalMinutes);
            if (delay > LateAfter)
            {
                score.Late++;
                log?.Invoke($"LATE strip seed {seed}: {delay.TotalMinutes:0.0} min");
            }
        }
        return score;
    }

    /// <summary>Puts a second charger on a strip in one port, joining 5 min–3 h after the port's bike.</summary>
    private static (string Pile, int Port, double Join, double Watts) AddStrip(TapStripShed shed, SimRandom random)
    {
        var pile = shed.Piles[random.Between(0, shed.Piles.Count - 1)];
        var port = pile.Ports[random.Between(0, pile.Ports.Count - 1)];
        var big = random.Chance(0.25);
        var plug = random.Uniform(0.2, 5) * 3600;
        var first = new ChargeSession(TapStripShed.PileCharger(random.Fork("first"),
            big ? new ChargerProfileOptions { PlateauWatts = random.Uniform(330, 400), PowerFactor = 0.75 } : null), plug);
        var join = plug + (random.Uniform(5, 180) * 60);
        var watts = big ? random.Uniform(250, 300) : random.Uniform(60, 300);
        var second = new ChargeSession(TapStripShed.PileCharger(random.Fork("second"), new ChargerProfileOptions { PlateauWatts = watts }), join);
        port.AddSession(new PortSession(plug, shed.EndSeconds + 3600, first) { Strip = second });
        return (pile.Device.Device, port.Port, join, watts);
    }
}
