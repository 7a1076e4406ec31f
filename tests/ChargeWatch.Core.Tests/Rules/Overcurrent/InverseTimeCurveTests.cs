using ChargeWatch.Core.Rules.Overcurrent;

namespace ChargeWatch.Core.Tests.Rules.Overcurrent;

public class InverseTimeCurveTests
{
    [Theory]
    [InlineData(1.1, 73.4)]
    [InlineData(2.0, 10.03)]
    [InlineData(10.0, 2.97)]
    public void TripSeconds_ContractExamples_MatchWithinOnePercent(double multiple, double seconds)
    {
        Assert.Equal(seconds, InverseTimeCurve.TripSeconds(multiple), seconds * 0.01);
    }

    [Fact]
    public void TripSeconds_AtOrBelowRated_NeverTrips()
    {
        Assert.True(double.IsPositiveInfinity(InverseTimeCurve.TripSeconds(1.0)));
        Assert.True(double.IsPositiveInfinity(InverseTimeCurve.TripSeconds(0.5)));
    }

    [Fact]
    public void TripSeconds_TimeMultiplier_ScalesLinearly()
    {
        Assert.Equal(2 * InverseTimeCurve.TripSeconds(2.0), InverseTimeCurve.TripSeconds(2.0, 2.0), 9);
    }
}
