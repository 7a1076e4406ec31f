using System.Globalization;
using ChargeWatch.Core.Rules.FlywireHousehold;
using ChargeWatch.FlywireEvaluation;
using ChargeWatch.Simulator.Physics.Circuits;

namespace ChargeWatch.Flywire.Tests.Evaluation;

/// <summary>
/// The candidates the frontier analysis reads (docs/flywire.md, "Round ten"): with every ask written
/// and none fired, the first ask at or above a threshold must be the detector's first alert at that
/// threshold — the claim that lets misses, late and false alerts be counted from the file.
/// </summary>
public sealed class CandidateCollectionTests
{
    // The shipped threshold; the claim holds for any.
    private static readonly double Threshold = new HouseholdSignatureOptions().CandidateProbabilityMin;

    [Theory]
    // A charge found within 45 min, a false alert on a night without a charge (a 30-min refrigerator
    // run under an air conditioner's switching; 5874 until round twenty-three's model, 6631 until
    // round sixteen's, turned theirs down), and a night with a charge the model turns down for a while.
    [InlineData(3352)]
    [InlineData(2342)]
    [InlineData(2139)]
    public void EveryAsk_FirstAskAtTheThreshold_IsTheDetectorsFirstAlert(long seed)
    {
        var asks = new StringWriter();
        CandidateCollection.Write(seed, 1, new HouseholdSignatureOptions(), asks, new StringWriter());
        var firstAsk = asks.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(line => line.Split(','))
            .Where(cells => double.Parse(cells[3], CultureInfo.InvariantCulture) >= Threshold)
            .Select(cells => (long?)long.Parse(cells[1], CultureInfo.InvariantCulture))
            .FirstOrDefault();

        // The claim is about one threshold; the near-deadline and long-on thresholds (further rules on
        // the same asks, which frontier.py scores too) are off here.
        var firstAlert = FirstAlert(seed, new HouseholdSignatureOptions
        {
            CandidateProbabilityMin = Threshold,
            NearDeadlineProbabilityMin = 1,
            LongOnWithoutPowerFactorProbabilityMin = 1,
        });

        Assert.NotNull(firstAlert);
        Assert.Equal(firstAlert, firstAsk);
    }

    [Fact]
    public void EveryAsk_WritesEveryNightsTruth()
    {
        var nights = new StringWriter();
        CandidateCollection.Write(3350, 3, new HouseholdSignatureOptions(), new StringWriter(), nights);

        var rows = nights.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("seed,pf,averaging,interval_s,charge_start,taper_start,judged_until,owed", rows[0]);
        Assert.Equal(["3350", "3351", "3352"], rows.Skip(1).Select(row => row.Split(',')[0]));
        var night = HouseholdModel.Create(3352, HouseholdEvaluation.OptionsFor(3352));
        var cells = rows[3].Split(',');
        Assert.Equal(night.Charges[0].Start.UtcTicks.ToString(CultureInfo.InvariantCulture), cells[4]);
        Assert.Equal("1", cells[7]);
    }

    private static long? FirstAlert(long seed, HouseholdSignatureOptions options)
    {
        var detector = new HouseholdSignatureDetector(options);
        foreach (var sample in HouseholdModel.Create(seed, HouseholdEvaluation.OptionsFor(seed)).Samples())
        {
            if (detector.Observe(sample.Timestamp, sample.Watts, sample.PowerFactor, sample.Volts * sample.Amps) == HouseholdChange.Fired)
            {
                return sample.Timestamp.UtcTicks;
            }
        }
        return null;
    }
}
