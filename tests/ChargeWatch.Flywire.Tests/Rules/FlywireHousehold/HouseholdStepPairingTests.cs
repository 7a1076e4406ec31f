using ChargeWatch.Core.Rules.Flywire;
using ChargeWatch.Core.Rules.FlywireHousehold;

namespace ChargeWatch.Flywire.Tests.Rules.FlywireHousehold;

public sealed class HouseholdStepPairingTests
{
    private static readonly long Start = new DateTimeOffset(2026, 7, 8, 18, 0, 0, TimeSpan.Zero).UtcTicks;

    private static long Minute(int m) => Start + (m * TimeSpan.TicksPerMinute);

    private static void Feed(StepPairing steps, int minute, double watts, double pf) =>
        steps.Observe(Minute(minute), watts, PowerFactorMath.Vars(watts, pf));

    [Fact]
    public void Observe_StepSpreadOverTwoAveragedReadings_OpensOneLoadOfTheWholeStep()
    {
        var steps = new StepPairing();
        for (var m = 0; m < 10; m++)
        {
            Feed(steps, m, 40, 0.9);
        }
        // An averaging meter shows a 200 W switch half in one reading, whole in the next.
        Feed(steps, 10, 140, 0.7);
        for (var m = 11; m < 20; m++)
        {
            Feed(steps, m, 240, 0.65);
        }

        var load = Assert.Single(steps.Loads);
        Assert.InRange(load.Watts, 195, 205);
        Assert.False(load.Gone);
        Assert.InRange(load.PowerFactor!.Value, 0.5, 0.7);
        // A charger's level from its first full reading on: no start-up surge.
        Assert.InRange(load.StartUpSurge, -0.02, 0.02);
    }

    [Fact]
    public void Observe_StepOnAFlickeringLevel_IsMeasuredFromTheLevelsMeanNotTheReadingBeforeIt()
    {
        // An air conditioner holds the meter at 1 kW (step threshold 45 W), flickering ±15 W from
        // minute to minute; the reading before the charger's 200 W step happens to be 15 W low, so
        // from it the step would read 215 W.
        var steps = new StepPairing();
        for (var m = 0; m < 10; m++)
        {
            Feed(steps, m, m % 2 == 0 ? 1015 : 985, 0.89);
        }
        for (var m = 10; m < 20; m++)
        {
            Feed(steps, m, 1200, 0.83);
        }

        var load = Assert.Single(steps.Loads);
        Assert.InRange(load.Watts, 195, 205);
    }

    [Fact]
    public void Observe_StartUpSurgeEndingOnABusyMeter_MeasuresTheRunningPower()
    {
        // A rice cooker holds the meter at 1 kW, so the step threshold is 45 W. A 165 W refrigerator
        // (pf 0.75: 145 var) draws 1.4 times that for its first minute; the surge's end is a 66 W
        // fall, larger than the threshold, which must not end the step's re-measurement.
        var steps = new StepPairing();
        var p = 1000.0;
        var q = 140.0;
        void Add(double second) => steps.Observe(Start + (long)(second * TimeSpan.TicksPerSecond), p, q);
        for (var s = 0; s < 300; s += 30)
        {
            Add(s);
        }
        p += 231;
        q += 203;
        Add(300);
        Add(330);
        p -= 66;
        q -= 58;
        for (var s = 360; s < 1200; s += 30)
        {
            Add(s);
        }
        p -= 165;
        q -= 145;
        Add(1200);
        Add(1230);
        Add(1260);

        var fridge = Assert.Single(steps.Loads);
        Assert.InRange(fridge.Watts, 160, 170);
        Assert.InRange(fridge.Vars, 135, 155);
        Assert.True(fridge.Gone);
        Assert.InRange(fridge.StartUpSurge, 0.35, 0.45);
    }

    [Fact]
    public void Observe_OffStepOfTheSameLoad_ClosesIt()
    {
        var steps = new StepPairing();
        Feed(steps, 0, 40, 0.9);
        Feed(steps, 1, 40, 0.9);
        Feed(steps, 2, 190, 0.72);
        for (var m = 3; m < 25; m++)
        {
            Feed(steps, m, 190, 0.72);
        }
        Feed(steps, 25, 40, 0.9);
        Feed(steps, 26, 40, 0.9);

        Assert.All(steps.Loads, l => Assert.True(l.Gone));
    }

    [Fact]
    public void Observe_OffStepOfADifferentPowerFactor_LeavesTheChargerOpen()
    {
        var steps = new StepPairing();
        var p = 40.0;
        var q = 19.0;
        void Add(int minute) => steps.Observe(Minute(minute), p, q);
        Add(0);
        Add(1);
        // Charger: 150 W at pf 0.6 (200 var).
        p += 150;
        q += 200;
        Add(2);
        Add(3);
        // Television: 150 W at pf 0.95 (49 var), on and then off again.
        p += 150;
        q += 49;
        Add(20);
        Add(21);
        p -= 150;
        q -= 49;
        Add(60);
        Add(61);

        Assert.Contains(steps.Loads, l => !l.Gone && l.Watts is > 140 and < 160 && l.PowerFactor < 0.7);
    }

    [Fact]
    public void Observe_MeterFallsBelowWhatTheLoadNeeds_CountsItGoneWithoutAnOffStep()
    {
        var steps = new StepPairing();
        Feed(steps, 0, 30, 0.9);
        Feed(steps, 1, 30, 0.9);
        Feed(steps, 2, 130, 0.7);
        Feed(steps, 3, 130, 0.7);
        // Down in small slides no single step shows: the load cannot still be on at 60 W.
        var level = 130.0;
        for (var m = 4; m < 12; m++)
        {
            level -= 9;
            Feed(steps, m, level, 0.8);
        }

        Assert.All(steps.Loads, l => Assert.True(l.Gone));
    }

    [Fact]
    public void Observe_HeaterAndChargerSwitchedOnInOneReading_LeavesTheChargerOpenBesideTheHeater()
    {
        // A 1,250 W heater (pf 1) runs twice alone, so its size is known from its switch-offs; then it
        // switches on in the same reading as a 150 W charger (pf 0.65: 175 var), and later off alone.
        var meter = MeterAfterTwoRunsOf(1250, 0);
        meter.Switch(1250 + 150, 175, readings: 20);
        meter.Switch(-1250, 0, readings: 10);

        var charger = Assert.Single(meter.Steps.Loads, l => !l.Gone);
        Assert.InRange(charger.Watts, 140, 160);
        Assert.InRange(charger.PowerFactor!.Value, 0.55, 0.75);
        Assert.Equal(Minute(64), charger.StartTicks);
    }

    [Fact]
    public void Observe_AirConditionerRunLargerThanItsLastOnes_ClosesWhatItLeftBesideItWhenItSwitchesOff()
    {
        // An air conditioner switches off at 1,000 W (pf 0.9: 484 var) twice; its next run draws
        // 1,180 W with 660 var, which taken apart at the learned size leaves a charger-like 180 W
        // (pf 0.71). It switches off at what it switched on with: the 180 W was its own.
        var meter = MeterAfterTwoRunsOf(1000, 484);
        meter.Switch(1180, 660, readings: 10);
        Assert.Contains(meter.Steps.Loads, l => !l.Gone && l.Watts is > 170 and < 190);
        meter.Switch(-1180, -660, readings: 5);

        Assert.All(meter.Steps.Loads, l => Assert.True(l.Gone));
    }

    /// <summary>A household at 60 W whose big appliance has switched on and off twice, a reading a minute.</summary>
    private static Meter MeterAfterTwoRunsOf(double watts, double vars)
    {
        var meter = new Meter(new StepPairing(bigWatts: 680));
        meter.Switch(0, 0, readings: 5);
        for (var run = 0; run < 2; run++)
        {
            meter.Switch(watts, vars, readings: 15);
            meter.Switch(-watts, -vars, readings: 15);
        }
        return meter;
    }

    private sealed class Meter(StepPairing steps)
    {
        private double _watts = 60;
        private double _vars = 30;
        private int _minute;

        public StepPairing Steps => steps;

        public void Switch(double watts, double vars, int readings)
        {
            _watts += watts;
            _vars += vars;
            for (var i = 0; i < readings; i++)
            {
                steps.Observe(Minute(_minute++), _watts, _vars);
            }
        }
    }

    [Fact]
    public void Observe_BigSwitchOnWithoutAKnownSize_StaysOneLoad()
    {
        var steps = new StepPairing(bigWatts: 680);
        Feed(steps, 0, 60, 0.9);
        Feed(steps, 1, 60, 0.9);
        Feed(steps, 2, 1460, 0.97);
        for (var m = 3; m < 10; m++)
        {
            Feed(steps, m, 1460, 0.97);
        }

        var load = Assert.Single(steps.Loads);
        Assert.InRange(load.Watts, 1390, 1410);
    }

    [Fact]
    public void HourlyLow_TracksTheLowestReadingOfTheLastTwelveHours()
    {
        var low = new HourlyLow();
        low.Add(Minute(0), 50);
        low.Add(Minute(30), 20);
        low.Add(Minute(90), 300);
        Assert.Equal(20, low.Value);

        low.Add(Minute(13 * 60), 300);
        Assert.Equal(300, low.Value);
    }
}
