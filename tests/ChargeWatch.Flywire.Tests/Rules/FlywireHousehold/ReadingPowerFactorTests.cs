using ChargeWatch.Core.Rules.FlywireHousehold;

namespace ChargeWatch.Flywire.Tests.Rules.FlywireHousehold;

public sealed class ReadingPowerFactorTests
{
    [Fact]
    public void Of_NoVoltsAndAmps_IsTheReportedPf()
    {
        Assert.Equal(0.93, ReadingPowerFactor.Of(500, 0.93, null));
        Assert.Null(ReadingPowerFactor.Of(500, null, null));
    }

    [Theory]
    [InlineData(double.NaN, 500.0)]
    [InlineData(400.0, double.NaN)]
    [InlineData(400.0, double.PositiveInfinity)]
    public void Of_NotANumberOrInfinite_IsTheReportedPf(double watts, double voltAmps)
    {
        Assert.Equal(0.8, ReadingPowerFactor.Of(watts, 0.8, voltAmps));
        Assert.Null(ReadingPowerFactor.Of(watts, null, voltAmps));
    }

    [Fact]
    public void Of_NoReportedPf_IsWattsOverVoltAmps()
    {
        Assert.Equal(0.8, ReadingPowerFactor.Of(400, null, 500)!.Value, 6);
    }

    [Fact]
    public void Of_PowerFlowingBack_IsClampedToZero()
    {
        // A household exporting solar power: a pf of 0, not none, so the meter is not taken for one
        // that stopped reporting pf (which would start its floors over).
        Assert.Equal(0.0, ReadingPowerFactor.Of(-300, null, 500));
    }

    [Fact]
    public void Of_PowerReadingAboveVoltAmps_IsClampedToOne()
    {
        Assert.Equal(1.0, ReadingPowerFactor.Of(2006, null, 2000));
        Assert.Equal(1.0, ReadingPowerFactor.Of(2006, 1.0, 2000));
    }

    [Fact]
    public void Of_VoltAmpsBelowOne_IsTheReportedPf()
    {
        Assert.Equal(0.6, ReadingPowerFactor.Of(0.4, 0.6, 0.5));
        Assert.Equal(0.6, ReadingPowerFactor.Of(10, 0.6, 0));
    }

    [Fact]
    public void Of_BothAgreeing_IsTheSharperWattsOverVoltAmps()
    {
        // A 2 kW heater and a 144 W charger (192 var): pf 0.9961, which two decimals report as 1.00.
        var watts = 2164.0;
        var voltAmps = Math.Sqrt((watts * watts) + (202.0 * 202.0));

        Assert.Equal(watts / voltAmps, ReadingPowerFactor.Of(watts, 1.00, voltAmps)!.Value, 9);
    }

    [Theory]
    [InlineData(10.0)] // amps in the wrong unit
    [InlineData(3.0)] // a clamp on a busier phase
    [InlineData(0.5)] // a clamp on a quieter phase
    public void Of_VoltsAndAmpsNotThisCircuits_IsTheReportedPf(double scale)
    {
        var watts = 240.0;
        var voltAmps = 240.0 / 0.62;

        Assert.Equal(0.62, ReadingPowerFactor.Of(watts, 0.62, voltAmps * scale));
    }

    [Fact]
    public void Of_SmallCurrent_AllowsTheAmpsRounding()
    {
        // 9 W of standby at pf 0.59 draws 0.066 A, reported as 0.07 A: w / (v·a) reads 0.56.
        var voltAmps = 230 * 0.07;

        Assert.Equal(9 / voltAmps, ReadingPowerFactor.Of(9, 0.59, voltAmps)!.Value, 9);
    }

    [Theory]
    [InlineData(0.97, 500.0, 1)] // cos φ of a charger: above w / (v·a) = 0.6
    [InlineData(0.60, 500.0, 0)]
    [InlineData(0.602, 500.0, 0)] // within the two decimals and the amps' rounding
    [InlineData(0.40, 500.0, -1)]
    [InlineData(0.97, null, null)]
    [InlineData(0.97, 0.0, null)]
    public void Compare_ReportedAgainstWattsOverVoltAmps(double reported, double? voltAmps, int? expected)
    {
        Assert.Equal(expected, ReadingPowerFactor.Compare(300, reported, voltAmps));
        Assert.Null(ReadingPowerFactor.Compare(300, null, voltAmps));
        Assert.Null(ReadingPowerFactor.Compare(double.NaN, reported, voltAmps));
    }
}
