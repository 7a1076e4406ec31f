using ChargeWatch.Simulator.Physics;
using ChargeWatch.Simulator.Physics.Chargers;

namespace ChargeWatch.Simulator.Tests.Physics;

public class LoadPowerTests
{
    [Fact]
    public void DisplacementPowerFactor_Charger_IsNearOneWhileTheTruePowerFactorIsLow()
    {
        var profile = ChargerProfile.Sample(new SimRandom(3), new ChargerProfileOptions { PowerFactor = 0.65 });
        var power = new ChargeSession(profile, 0).At(60);

        Assert.InRange(power.PowerFactor, 0.6, 0.66);
        Assert.Equal(LoadPower.SwitchModeDisplacementPowerFactor, power.DisplacementPowerFactor, 9);
        // The apparent power, and so the meter's amps, is the true one's.
        Assert.Equal(power.Watts / power.PowerFactor, power.VoltAmps, 6);
    }

    [Fact]
    public void DisplacementPowerFactor_MotorOrResistor_IsTheTruePowerFactor()
    {
        var fridge = LoadPower.FromPowerFactor(150, 0.7);

        Assert.Equal(fridge.PowerFactor, fridge.DisplacementPowerFactor, 9);
        Assert.Equal(1.0, LoadPower.FromPowerFactor(2000, 1).DisplacementPowerFactor);
        Assert.Equal(1.0, LoadPower.Zero.DisplacementPowerFactor);
    }

    [Fact]
    public void DisplacementPowerFactor_OfASum_KeepsOnlyThePhaseShifts()
    {
        var fridge = LoadPower.FromPowerFactor(150, 0.7);
        var charger = LoadPower.FromPowerFactor(200, 0.6).WithDisplacementPowerFactor(1);

        var sum = (fridge + charger) * 0.5;

        Assert.Equal(175, sum.Watts, 9);
        Assert.Equal(fridge.Vars * 0.5, sum.Vars - sum.DistortionVars, 9);
        Assert.True(sum.DisplacementPowerFactor > sum.PowerFactor);
        Assert.Equal(175 / Math.Sqrt((175 * 175) + (fridge.Vars * fridge.Vars / 4)), sum.DisplacementPowerFactor, 9);
    }
}
