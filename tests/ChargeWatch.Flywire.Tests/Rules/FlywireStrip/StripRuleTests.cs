using ChargeWatch.Core.Alerts;
using ChargeWatch.Core.Readings;

namespace ChargeWatch.Flywire.Tests.Rules.FlywireStrip;

public sealed class StripRuleTests
{
    [Fact]
    public void OnReading_SecondChargerJoinsHalfAnHourLater_FiresWithinTwoReadingsAndResolvesWhenIdle()
    {
        var port = new StripPort();
        port.Hold(TimeSpan.FromMinutes(5), _ => 0, PortState.Idle);
        port.Hold(TimeSpan.FromMinutes(30), m => 250 * (1 + (0.1 * Math.Sqrt(m / 120))));
        var joined = port.Now;
        port.Hold(TimeSpan.FromMinutes(60), m => (250 * (1 + (0.1 * Math.Sqrt((m + 30) / 120)))) + 80);
        port.Hold(TimeSpan.FromMinutes(2), _ => 0, PortState.Idle);

        Assert.Equal(2, port.Strip.Count);
        var fired = port.Strip[0];
        Assert.Equal(AlertStatus.Firing, fired.Status);
        Assert.Equal(AlertSeverity.Warning, fired.Severity);
        Assert.Equal(3, fired.Port);
        Assert.InRange((fired.StartsAt - joined).TotalSeconds, 60, 91);
        Assert.InRange(fired.Value!.Value, 79, 82);
        Assert.Equal(40, fired.Threshold);
        Assert.Equal(AlertStatus.Resolved, port.Strip[1].Status);
        Assert.Equal(joined.AddMinutes(60.5), port.Strip[1].EndsAt);
    }

    [Theory]
    [InlineData(36, false)]
    [InlineData(44, true)]
    public void OnReading_StepAroundFortyWatts_FiresOnlyAtOrAboveIt(double step, bool fires)
    {
        var port = new StripPort();
        port.Hold(TimeSpan.FromMinutes(20), _ => 200);
        port.Hold(TimeSpan.FromMinutes(20), _ => 200 + step);
        Assert.Equal(fires, port.Strip.Count == 1);
    }

    [Fact]
    public void OnReading_InrushReadingAtPlugInWithApparentPowerOnly_DoesNotFire()
    {
        var port = new StripPort();
        port.Read(0, PortState.Idle);
        // Ports without `w`: power is v×a, and the first reading catches the capacitor inrush.
        port.Read(0, PortState.Charging, reportWatts: false, amps: 9.5);
        for (var i = 0; i < 120; i++)
        {
            port.Read(0, PortState.Charging, reportWatts: false, amps: 2.1 + (i * 0.001));
        }
        Assert.Empty(port.Strip);
    }

    [Fact]
    public void OnReading_OneSpikeAndNoiseMidSession_DoNotFire()
    {
        var port = new StripPort();
        var noise = new Random(7);
        port.Hold(TimeSpan.FromMinutes(30), _ => 300 + (noise.NextDouble() * 30) - 15);
        port.Read(520);
        port.Hold(TimeSpan.FromMinutes(30), _ => 300 + (noise.NextDouble() * 30) - 15);
        Assert.Empty(port.Strip);
    }

    [Fact]
    public void OnReading_WholeLeadAcidSessionWithPlateauCreepTaperAndFloat_DoesNotFire()
    {
        var port = new StripPort();
        port.Hold(TimeSpan.FromMinutes(2), _ => 0, PortState.Idle);
        // A 1-h plateau rising 16 % (fast at first), a 2-h exponential taper, then 8 W float and full.
        port.Hold(TimeSpan.FromHours(1), m => 380 * (1 + (0.16 * Math.Sqrt(m / 60))));
        port.Hold(TimeSpan.FromHours(2), m => Math.Max(8, 441 * Math.Exp(-m / 40)));
        port.Hold(TimeSpan.FromHours(1), _ => 0, PortState.Full);
        Assert.Empty(port.Strip);
    }

    [Fact]
    public void OnReading_BikesSwappedWithAnIdleBetween_DoNotFire()
    {
        var port = new StripPort();
        port.Hold(TimeSpan.FromHours(1), _ => 200);
        port.Read(0, PortState.Idle);
        port.Hold(TimeSpan.FromHours(1), _ => 320);
        Assert.Empty(port.Strip);
    }

    [Fact]
    public void OnReading_CutAndRestore_DoesNotCountTheRestoreAsAnotherCharger()
    {
        var port = new StripPort();
        port.Hold(TimeSpan.FromMinutes(30), _ => 200);
        port.Hold(TimeSpan.FromMinutes(5), _ => 0, PortState.Off);
        port.Hold(TimeSpan.FromMinutes(30), _ => 205);
        Assert.Empty(port.Strip);
    }

    [Fact]
    public void OnReading_SecondChargerAfterTheFirstIsFull_Fires()
    {
        var port = new StripPort();
        port.Hold(TimeSpan.FromMinutes(30), _ => 200);
        port.Hold(TimeSpan.FromMinutes(30), _ => 0, PortState.Full);
        port.Hold(TimeSpan.FromMinutes(10), _ => 150);
        Assert.Equal(AlertStatus.Firing, Assert.Single(port.Strip).Status);
    }

    [Fact]
    public void OnReading_Over600WattsFor60Seconds_Fires()
    {
        var port = new StripPort();
        port.Read(0, PortState.Idle);
        // Both chargers already on the strip when plugged in: one step, but too much for one charger.
        port.Read(640);
        port.Read(640);
        Assert.Empty(port.Strip);
        port.Read(640);
        var fired = Assert.Single(port.Strip);
        Assert.Equal(640, fired.Value);
        Assert.Equal(600, fired.Threshold);
    }

    [Fact]
    public void OnReading_Over600WattsForOneInrushReading_DoesNotFire()
    {
        var port = new StripPort();
        port.Read(0, PortState.Idle);
        port.Read(900);
        port.Hold(TimeSpan.FromMinutes(30), _ => 420);
        Assert.Empty(port.Strip);
    }

    [Fact]
    public void OnReading_ReadingAfterAGap_DoesNotCountTheLoadAsAStep()
    {
        var port = new StripPort();
        port.Hold(TimeSpan.FromMinutes(10), _ => 200);
        // Silent for 20 min; meanwhile the bike was swapped for a bigger charger (idle unseen).
        port.Read(330, step: TimeSpan.FromMinutes(20));
        port.Hold(TimeSpan.FromMinutes(30), _ => 330);
        Assert.Empty(port.Strip);
    }
}
