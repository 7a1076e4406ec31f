using ChargeWatch.Core.Rules.FlywireHousehold;

namespace ChargeWatch.Flywire.Tests.Rules.FlywireHousehold;

public sealed class LastingSwitchesTests
{
    private static readonly long Start = new DateTimeOffset(2026, 7, 8, 18, 0, 0, TimeSpan.Zero).UtcTicks;
    private static readonly HouseholdSignatureOptions Options = new();

    private static long Minute(int m) => Start + (m * TimeSpan.TicksPerMinute);

    private static SwitchedLoad Load(int minute, double watts, double vars) =>
        new() { StartTicks = Minute(minute), Watts = watts, Vars = vars };

    /// <summary>Follows the loads minute by minute from their switch-on to the given minute.</summary>
    private static LastingSwitches Follow(int until, params SwitchedLoad[] loads)
    {
        var lasting = new LastingSwitches(Options);
        for (var m = 0; m <= until; m++)
        {
            lasting.Observe(Minute(m), loads);
        }
        return lasting;
    }

    [Fact]
    public void Backing_ChargerLikeSwitchOnStillOnAWindowLater_BacksALaterPlateauWithItsPowerFactor()
    {
        // 200 W at pf 0.6 (267 var), on at minute 5 and never seen off.
        var lasting = Follow(90, Load(5, 200, 267));

        Assert.Equal(0.6, lasting.Backing(plateauWatts: 260, plateauFromTicks: Minute(60))!.Value, 2);
    }

    [Fact]
    public void Backing_RefrigeratorRunEndedWithinTheWindow_BacksNothing()
    {
        var fridge = Load(5, 150, 150);
        var lasting = new LastingSwitches(Options);
        for (var m = 0; m <= 90; m++)
        {
            if (m == 30)
            {
                // Paired off after a 25-minute run, as refrigerators always are.
                fridge.GoneTicks = Minute(m);
            }
            lasting.Observe(Minute(m), [fridge]);
        }

        Assert.Null(lasting.Backing(plateauWatts: 150, plateauFromTicks: Minute(60)));
    }

    [Theory]
    // A television: pf 0.95, however long it stays on.
    [InlineData(150, 49)]
    // A phone charger: a charger's pf but under the contract's 60 W.
    [InlineData(12, 16)]
    public void Backing_LastingLoadThatIsNoCharger_BacksNothing(double watts, double vars)
    {
        var lasting = Follow(120, Load(5, watts, vars));

        Assert.Null(lasting.Backing(plateauWatts: watts, plateauFromTicks: Minute(60)));
    }

    [Fact]
    public void Backing_PlateauBeforeTheSwitchOnOrFarSmallerThanIt_IsNotBacked()
    {
        var lasting = Follow(120, Load(50, 600, 800));

        // The plateau began before the load switched on: that load is not what tapers.
        Assert.Null(lasting.Backing(plateauWatts: 700, plateauFromTicks: Minute(40)));
        // A 60 W plateau is not the taper of a 600 W switch-on.
        Assert.Null(lasting.Backing(plateauWatts: 60, plateauFromTicks: Minute(100)));
        Assert.NotNull(lasting.Backing(plateauWatts: 700, plateauFromTicks: Minute(100)));
    }

    [Fact]
    public void Clear_ForgetsEverySwitch()
    {
        var lasting = Follow(90, Load(5, 200, 267));

        lasting.Clear();

        Assert.Null(lasting.Backing(plateauWatts: 260, plateauFromTicks: Minute(60)));
    }

    [Fact]
    public void StartBetween_LastingSwitchOnOfTheSizeInTheSpan_GivesItsStart()
    {
        var lasting = Follow(90, Load(5, 200, 267));

        Assert.Equal(Minute(5), lasting.StartBetween(Minute(0), Minute(90), minWatts: 100, maxWatts: 320));
    }

    [Theory]
    // Began before the span.
    [InlineData(10, 90, 100, 320)]
    // Much bigger than the rise asked about.
    [InlineData(0, 90, 50, 150)]
    // Much smaller.
    [InlineData(0, 90, 250, 500)]
    public void StartBetween_NoSuchSwitchOn_GivesNull(int fromMinute, int toMinute, double minWatts, double maxWatts)
    {
        var lasting = Follow(90, Load(5, 200, 267));

        Assert.Null(lasting.StartBetween(Minute(fromMinute), Minute(toMinute), minWatts, maxWatts));
    }
}

