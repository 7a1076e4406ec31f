using ChargeWatch.Core.Alerts;
using ChargeWatch.Core.Tests.Detection;

namespace ChargeWatch.Core.Tests.Rules.Offline;

public class OfflineRuleTests
{
    [Fact]
    public void OnWatermark_SilentFor180s_FiresAtTheDeadline()
    {
        var run = new EngineRun();

        run.Every(0, 100, 10, t => Make.Meter(t, 100)).Watermark(279);
        Assert.Empty(run.Alerts);
        run.Watermark(290);

        var offline = Assert.Single(run.Alerts);
        Assert.Equal("offline", offline.Rule);
        Assert.Equal(Make.At(280), offline.StartsAt);
        Assert.Null(offline.Value);
        Assert.Null(offline.Threshold);
    }

    [Fact]
    public void OnWatermark_SlowDevice_WaitsThreeUsualIntervals()
    {
        var run = new EngineRun();

        run.Every(0, 600, 120, t => Make.Sensor(t, tempC: 20)).Watermark(600 + 359);
        Assert.Empty(run.Alerts);
        run.Watermark(600 + 360);

        Assert.Equal(Make.At(960), Assert.Single(run.Alerts).StartsAt);
    }

    [Fact]
    public void OnReading_ReportsAgain_Resolves()
    {
        var run = new EngineRun();

        run.Every(0, 100, 10, t => Make.Meter(t, 100)).Watermark(400).Feed(Make.Meter(410, 100));

        Assert.Equal([AlertStatus.Firing, AlertStatus.Resolved], run.Alerts.Select(a => a.Status));
        Assert.Equal(Make.At(410), run.Alerts[1].EndsAt);
    }

    [Fact]
    public void OnStatus_Offline_FiresAtSiteTimeAndOnlineResolves()
    {
        var run = new EngineRun();

        run.Feed(Make.Meter(0, 100), Make.Port(50, 1.0)).Status(Make.ChargerKey(), online: false);
        run.Feed(Make.Meter(60, 100)).Status(Make.ChargerKey(), online: true);

        Assert.Equal([AlertStatus.Firing, AlertStatus.Resolved], run.Alerts.Select(a => a.Status));
        Assert.Equal(Make.At(50), run.Alerts[0].StartsAt);
        Assert.Equal(Make.At(60), run.Alerts[1].EndsAt);
    }

    [Fact]
    public void OnWatermark_StatusOfflineAndSilence_OneAlert()
    {
        var run = new EngineRun();

        run.Feed(Make.Port(0, 1.0)).Status(Make.ChargerKey(), online: false).Watermark(1000);

        Assert.Single(run.Alerts);
    }

    [Fact]
    public void OnWatermark_OtherDevicesReporting_OnlyTheSilentOneFires()
    {
        var run = new EngineRun();

        run.Every(0, 600, 10, t => t < 100 ? Make.Port(t, 1.0) : Make.Meter(t, 100));

        var offline = Assert.Single(run.Alerts);
        Assert.Equal("shed-a-c01", offline.DeviceId);
        Assert.Equal(Make.At(90 + 180), offline.StartsAt);
    }
}
